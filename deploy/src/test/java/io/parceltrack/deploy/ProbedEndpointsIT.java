package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.parceltrack.grpc.GrpcServerHost;
import io.parceltrack.grpc.GrpcServerOptions;
import io.parceltrack.grpc.TransportSecurity;
import io.parceltrack.grpc.ManagerAccountGrpcService;
import io.parceltrack.grpc.UserAccountGrpcService;
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
import java.net.InetSocketAddress;
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
import java.util.concurrent.TimeUnit;
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
    void everyGrpcHealthCheckProbedAnswersServing() throws Exception {
        InMemoryAccountStore store = new InMemoryAccountStore();
        AccountService accounts = new AccountService(store, store, Clock.systemUTC(), new SecureRandom());
        GrpcServerHost server = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0),
                List.of(new UserAccountGrpcService(accounts), new ManagerAccountGrpcService(accounts)),
                new GrpcServerOptions(TransportSecurity.plaintext(), false, GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES)).start();
        ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create()).build();
        try {
            assertThat(grpcServices).isNotEmpty();
            for (String service : grpcServices) {
                HealthCheckResponse response = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService(service).build());
                assertThat(response.getStatus()).as("health of '" + service + "'").isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            }
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            server.stop(Duration.ofSeconds(5));
        }
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
