package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * deploy/k8s/components/service-monitor, the optional Prometheus Operator component, agrees with the
 * base and the apps: every app pod is scraped exactly once, on the port its readiness probe asks
 * (where the app serves /metrics), at /metrics; on a public HTTP port Prometheus sends the bearer
 * token that the component's patches give the app from the same Secret key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodMonitorComponentTest {
    private static final String TOKEN = "PARCELTRACK_METRICS_BEARER_TOKEN";

    private KubernetesBase base;
    private KubernetesBase component;
    private RealApps apps;
    private AppContainerRules rules;
    private List<AppContainer> containers;
    private String namespace;

    /** One scrape endpoint of a PodMonitor as it applies to one workload's pods. */
    private record Scrape(KubernetesObject monitor, YamlNode endpoint, KubernetesObject workload, AppContainer app, int port) {}

    @BeforeAll
    void read() {
        base = DeploymentManifests.kubernetesBase();
        component = KubernetesBase.load(DeployFiles.kustomizeComponent("service-monitor"));
        apps = new RealApps();
        rules = new AppContainerRules(apps);
        containers = DeploymentManifests.kubernetesAppContainers(base, new ArrayList<>());
        namespace = base.kustomization().get("namespace").scalar().orElseThrow();
    }

    @Test
    void isAComponentThatListsEveryFileOfItsDirectory() throws IOException {
        assertThat(component.kustomization().get("kind").scalar()).hasValue("Component");
        Problems.assertNone(component.missingFiles());
        Set<String> listed = new HashSet<>(component.resourceFiles());
        patches().forEach(patch -> listed.add(patch.get("path").scalar().orElse("")));
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(component.directory())) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .forEach(present::add);
        }
        assertThat(listed).isEqualTo(present);
        assertThat(component.ofKind("PodMonitor")).isNotEmpty();
    }

    @Test
    void everyAppPodIsScrapedOnceOnItsReadinessPortAtMetrics() {
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new HashSet<>();
        List<Scrape> scrapes = scrapes(problems);
        for (AppContainer app : longRunning()) {
            List<Scrape> ofApp = scrapes.stream().filter(scrape -> scrape.app().equals(app)).toList();
            Optional<Integer> readiness = app.probes().stream().filter(probe -> probe.purpose() == Probe.Purpose.READINESS)
                    .map(Probe::port).flatMap(Optional::stream).findFirst();
            if (ofApp.size() != 1) {
                problems.add(app.where() + " is scraped " + ofApp.size() + " times");
                continue;
            }
            Scrape scrape = ofApp.get(0);
            if (!readiness.equals(Optional.of(scrape.port()))) {
                problems.add(scrape.monitor().where() + " scrapes " + app.command() + " on port " + scrape.port()
                        + ", not on the port of its readiness probe " + readiness.map(String::valueOf).orElse("(none)"));
            }
            if (!scrape.endpoint().get("path").scalar().equals(Optional.of("/metrics"))) {
                problems.add(scrape.endpoint().where() + " asks " + scrape.endpoint().get("path").scalar().orElse("/metrics (default)")
                        + "; the apps serve /metrics (say so)");
            }
            scraped.add(app.command());
        }
        Problems.assertNone(problems);
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(apps.deployedApps());
    }

    @Test
    void onAPublicPortPrometheusSendsTheTokenTheComponentGivesTheApp() {
        List<String> problems = new ArrayList<>();
        Set<String> withToken = new HashSet<>();
        for (Scrape scrape : scrapes(problems)) {
            Listener.Kind kind = rules.listenerOn(scrape.app(), scrape.port()).map(Listener::kind).orElse(Listener.Kind.GRPC);
            YamlNode authorization = scrape.endpoint().get("authorization");
            if (kind != Listener.Kind.REST) {
                if (authorization.isPresent()) {
                    problems.add(scrape.endpoint().where() + " sends a token to " + scrape.app().command()
                            + "'s health port, which never asks for one");
                }
                continue;
            }
            String secret = authorization.at("credentials", "name").scalar().orElse("");
            String key = authorization.at("credentials", "key").scalar().orElse("");
            if (!authorization.get("type").scalar().equals(Optional.of("Bearer")) || secret.isEmpty() || key.isEmpty()) {
                problems.add(scrape.endpoint().where() + " scrapes the public port of " + scrape.app().command()
                        + " without a Bearer token from a Secret");
                continue;
            }
            Optional<YamlNode> variable = patchedEnv(scrape.workload(), TOKEN);
            boolean sameSecret = variable.map(env -> env.at("valueFrom", "secretKeyRef", "name").scalar().equals(Optional.of(secret))
                    && env.at("valueFrom", "secretKeyRef", "key").scalar().equals(Optional.of(key))).orElse(false);
            if (!sameSecret) {
                problems.add(scrape.workload().where() + " is not given " + TOKEN + " from Secret " + secret + " key " + key
                        + " by a patch of the component, so its /metrics would not ask for the token Prometheus sends");
            }
            withToken.add(scrape.app().command());
        }
        Problems.assertNone(problems);
        assertThat(apps.isSetting(TOKEN) && apps.isSecret(TOKEN)).as(TOKEN + " is a secret setting").isTrue();
        assertThat(withToken).containsExactlyInAnyOrder("parcels-manager-service", "parcels-user-service");
    }

    /** Every endpoint of every PodMonitor on every app workload it selects; endpoints or monitors that reach nothing are problems. */
    private List<Scrape> scrapes(List<String> problems) {
        List<Scrape> scrapes = new ArrayList<>();
        for (KubernetesObject monitor : component.ofKind("PodMonitor")) {
            YamlNode spec = monitor.body().get("spec");
            if (!spec.at("namespaceSelector", "matchNames").scalars().equals(List.of(namespace))
                    || !monitor.body().at("metadata", "namespace").scalar().equals(Optional.of(namespace))) {
                problems.add(monitor.where() + " must live in and select namespace " + namespace + " (the base's)");
            }
            List<KubernetesObject> selected = base.workloadsMatching(spec.get("selector"));
            if (selected.isEmpty()) {
                problems.add(monitor.where() + " selects no pods of the base");
            }
            for (KubernetesObject workload : selected) {
                Optional<AppContainer> app = longRunning().stream()
                        .filter(container -> container.where().startsWith(workload.where() + " container ")).findFirst();
                if (app.isEmpty()) {
                    problems.add(monitor.where() + " selects " + workload.where() + ", which runs no app");
                    continue;
                }
                for (YamlNode endpoint : spec.get("podMetricsEndpoints").items()) {
                    Optional<Integer> port = KubernetesBase.containerPort(workload.containers().get(0), endpoint.get("port"))
                            .filter(number -> number > 0);
                    if (port.isEmpty()) {
                        problems.add(endpoint.where() + " names port " + endpoint.get("port").scalar().orElse("?")
                                + ", which " + workload.where() + " does not declare");
                    } else {
                        scrapes.add(new Scrape(monitor, endpoint, workload, app.get(), port.get()));
                    }
                }
            }
        }
        return scrapes;
    }

    private Optional<YamlNode> patchedEnv(KubernetesObject workload, String variable) {
        for (YamlNode entry : patches()) {
            YamlNode patch = YamlFiles.document(component.directory().resolve(entry.get("path").scalar().orElse("")));
            boolean targetsWorkload = patch.get("kind").scalar().equals(Optional.of(workload.kind()))
                    && patch.at("metadata", "name").scalar().equals(Optional.of(workload.name()))
                    && patch.at("metadata", "namespace").scalar().equals(Optional.of(namespace));
            if (!targetsWorkload) {
                continue;
            }
            String appContainer = workload.containers().get(0).get("name").scalar().orElse("");
            Optional<YamlNode> found = patch.at("spec", "template", "spec", "containers").items().stream()
                    .filter(container -> container.get("name").scalar().equals(Optional.of(appContainer)))
                    .flatMap(container -> container.get("env").items().stream())
                    .filter(env -> env.get("name").scalar().equals(Optional.of(variable)))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<YamlNode> patches() {
        return component.kustomization().get("patches").items();
    }

    private List<AppContainer> longRunning() {
        return containers.stream().filter(container -> !container.command().equals(RealApps.MIGRATE)).toList();
    }
}
