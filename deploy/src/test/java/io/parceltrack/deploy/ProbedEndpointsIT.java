package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryIdempotencyStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.rest.ReadinessCheck;
import io.parceltrack.rest.AppHttpServer;
import io.parceltrack.rest.ManagerApi;
import io.parceltrack.rest.HttpServerSettings;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.service.WebhookEndpointService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the manifests probe is really served: every HTTP path probed on an app's health port or
 * REST port, and every gRPC health check, asked of the real servers the apps run (the HTTP
 * server with and without the REST API, a gRPC server host) over real sockets.
 */
class ProbedEndpointsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Set<String> healthServerPaths = new TreeSet<>();
    private static final Set<String> restApiPaths = new TreeSet<>();
    private static final Set<String> grpcServices = new TreeSet<>();

    @BeforeAll
    static void collectWhatTheManifestsProbe() {
        RealApps apps = new RealApps();
        AppContainerRules rules = new AppContainerRules(apps);
        List<AppContainer> containers = new ArrayList<>(DeploymentManifests.composeAppContainers(DeploymentManifests.compose(
                DeploymentManifests.operatorEnvironment(DeploymentManifests.composeEnvExample()))));
        containers.addAll(DeploymentManifests.kubernetesAppContainers(DeploymentManifests.kubernetesBase(), new ArrayList<>()));
        for (AppContainer container : containers) {
            for (Probe probe : container.probes()) {
                probe.port().flatMap(port -> rules.listenerOn(container, port)).ifPresent(listener -> {
                    switch (listener.kind()) {
                        case HEALTH -> healthServerPaths.add(probe.target());
                        case REST -> restApiPaths.add(probe.target());
                        case GRPC -> grpcServices.add(probe.target());
                    }
                });
            }
        }
    }

    @Test
    void everyPathProbedOnAnAppsHealthPortAnswers200FromTheHealthServer() throws Exception {
        AppHttpServer server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0),
                Map.<String, ReadinessCheck>of("database", () -> true), List.of());
        server.start();
        try {
            assertThat(healthServerPaths).contains(Listener.LIVE, Listener.READY);
            for (String path : healthServerPaths) {
                assertThat(get(server.port(), path)).as("GET " + path + " on the health server").isEqualTo(200);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void everyPathProbedOnTheRestPortAnswers200FromTheRestApi() throws Exception {
        InMemoryParcelDatabase parcels = new InMemoryParcelDatabase();
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        Clock clock = Clock.systemUTC();
        HttpServerSettings settings = HttpServerSettings.defaults().withAddress("127.0.0.1", 0);
        AppHttpServer api = new AppHttpServer(settings, Map.<String, ReadinessCheck>of("parcels database", () -> true),
                List.of(new ManagerApi(new ManagerParcelService(parcels, parcels, clock, new SecureRandom()),
                        webhookService(clock),
                        new AccountService(accounts, accounts, clock, new SecureRandom()),
                        new InMemoryIdempotencyStore(), clock, settings)));
        int port = api.start();
        try {
            assertThat(restApiPaths).contains(Listener.READY);
            for (String path : restApiPaths) {
                assertThat(get(port, path)).as("GET " + path + " on the REST API").isEqualTo(200);
            }
        } finally {
            api.stop();
        }
    }

    @Test
    void nothingProbesAGrpcPortWhichAdmitsOnlyTheClustersAppsOverMutualTls() {
        // The kubelet and Docker have no client certificate: a probe there could only fail.
        assertThat(grpcServices).isEmpty();
    }

    private static int get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static WebhookEndpointService webhookService(Clock clock) {
        InMemoryWebhookDatabase webhooks = new InMemoryWebhookDatabase();
        return new WebhookEndpointService(DestinationRules.strict(), webhooks, webhooks, webhooks,
                new WebhookEndpointService.Limits(10, java.time.Duration.ofHours(24)), clock, new SecureRandom(), () -> {});
    }
}
