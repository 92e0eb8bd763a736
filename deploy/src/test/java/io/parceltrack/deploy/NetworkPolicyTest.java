package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The NetworkPolicies of deploy/k8s/base refuse every connection into the namespace's pods but the
 * ones the apps make: what each app needs is derived from the manifests themselves (its database
 * URLs, the gRPC addresses it calls, Kafka if it uses it), and every path the policies open must be
 * one of those, a public HTTP port, the monitoring namespace on a health port, or a pod to itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkPolicyTest {
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final Set<String> PUBLIC_PORT_NAMES = Set.of("http");

    private KubernetesBase base;
    private RealApps apps;
    private List<AppContainer> containers;
    private List<KubernetesObject> policies;

    /** A connection some pod must be able to open: from a workload's pods to another's container port. */
    private record Path(KubernetesObject client, KubernetesObject server, int port) {
        @Override
        public String toString() {
            return client.name() + " -> " + server.name() + ":" + port;
        }
    }

    @BeforeAll
    void readTheBase() {
        base = DeploymentManifests.kubernetesBase();
        apps = new RealApps();
        containers = DeploymentManifests.kubernetesAppContainers(base, new ArrayList<>());
        policies = base.ofKind("NetworkPolicy");
    }

    @Test
    void oneDefaultPolicyRefusesAllIngressToEveryPod() {
        List<KubernetesObject> denyAll = policies.stream()
                .filter(policy -> policy.body().at("spec", "podSelector").entries().isEmpty())
                .toList();

        assertThat(denyAll).hasSize(1);
        YamlNode spec = denyAll.get(0).body().get("spec");
        assertThat(spec.get("policyTypes").scalars()).containsExactly("Ingress");
        assertThat(spec.get("ingress").isPresent()).as("the default policy allows nothing").isFalse();
    }

    @Test
    void everyOtherPolicySelectsPodsOfTheBaseAndEveryAppIsSelected() {
        List<String> problems = new ArrayList<>();
        Set<KubernetesObject> selected = new LinkedHashSet<>();
        for (KubernetesObject policy : allowPolicies()) {
            List<KubernetesObject> workloads = base.workloadsMatching(policy.body().at("spec", "podSelector"));
            if (workloads.isEmpty()) {
                problems.add(policy.where() + " selects no pods of the base");
            }
            if (!policy.body().at("spec", "policyTypes").scalars().equals(List.of("Ingress"))) {
                problems.add(policy.where() + " must say policyTypes [Ingress]");
            }
            selected.addAll(workloads);
        }
        for (AppContainer app : containers) {
            if (!app.command().startsWith("migrate") && workloadOf(app).filter(selected::contains).isEmpty()) {
                problems.add(app.where() + " is selected by no policy beyond the default");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void noRuleAllowsEveryPortOrAnythingFromEverywhereButThePublicHttpPorts() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject policy : allowPolicies()) {
            for (YamlNode rule : policy.body().at("spec", "ingress").items()) {
                List<YamlNode> ports = rule.get("ports").items();
                if (ports.isEmpty()) {
                    problems.add(rule.where() + " allows every port");
                }
                for (YamlNode peer : rule.get("from").items()) {
                    if (peer.get("ipBlock").isPresent()) {
                        problems.add(peer.where() + " allows an IP block");
                    }
                    if (peer.get("podSelector").isPresent() && peer.get("podSelector").entries().isEmpty()) {
                        problems.add(peer.where() + " allows every pod");
                    }
                    if (peer.get("namespaceSelector").isPresent() && !monitoring(peer)) {
                        problems.add(peer.where() + " allows a namespace other than " + MONITORING_NAMESPACE);
                    }
                }
                if (!rule.get("from").isPresent() || rule.get("from").items().isEmpty()) {
                    ports.stream().filter(port -> !PUBLIC_PORT_NAMES.contains(port.get("port").scalar().orElse("")))
                            .forEach(port -> problems.add(port.where() + " is open to everyone, but not a public HTTP port"));
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyPortARuleOpensIsAPortEverySelectedPodDeclaresAndAServiceExposesOrAProbeUses() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject policy : allowPolicies()) {
            for (KubernetesObject workload : base.workloadsMatching(policy.body().at("spec", "podSelector"))) {
                YamlNode container = workload.containers().get(0);
                for (YamlNode rule : policy.body().at("spec", "ingress").items()) {
                    for (YamlNode port : rule.get("ports").items()) {
                        Optional<Integer> number = KubernetesBase.containerPort(container, port.get("port"));
                        if (number.filter(n -> n > 0).isEmpty()) {
                            problems.add(port.where() + " names " + port.get("port").scalar().orElse("?")
                                    + ", which " + workload.where() + " does not declare");
                        } else if (!exposedByAService(workload, number.get()) && !monitoring(rule)) {
                            problems.add(port.where() + " opens " + workload.name() + ":" + number.get()
                                    + ", which no Service exposes");
                        }
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyConnectionTheAppsMakeIsAllowed() {
        Set<Path> needed = neededPaths();
        assertThat(needed).as("paths derived from the manifests").hasSizeGreaterThanOrEqualTo(12);

        List<String> problems = new ArrayList<>();
        for (Path path : needed) {
            if (!allowed(path)) {
                problems.add("no policy allows " + path);
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void nothingElseWithinTheNamespaceIsAllowed() {
        Set<Path> needed = neededPaths();
        List<String> problems = new ArrayList<>();
        for (KubernetesObject policy : allowPolicies()) {
            for (KubernetesObject server : base.workloadsMatching(policy.body().at("spec", "podSelector"))) {
                YamlNode container = server.containers().get(0);
                for (YamlNode rule : policy.body().at("spec", "ingress").items()) {
                    for (YamlNode peer : rule.get("from").items()) {
                        if (!peer.get("podSelector").isPresent() || peer.get("namespaceSelector").isPresent()) {
                            continue;
                        }
                        for (KubernetesObject client : base.workloadsMatching(peer.get("podSelector"))) {
                            for (YamlNode port : rule.get("ports").items()) {
                                int number = KubernetesBase.containerPort(container, port.get("port")).orElse(-1);
                                Path path = new Path(client, server, number);
                                if (!client.equals(server) && !needed.contains(path)) {
                                    problems.add(peer.where() + " allows " + path + ", which no app needs");
                                }
                            }
                        }
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }

    /** From each app's and migration's environment: its databases, the gRPC services it calls, Kafka. */
    private Set<Path> neededPaths() {
        Set<Path> paths = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (AppContainer app : containers) {
            KubernetesObject client = workloadOf(app).orElseThrow();
            List<Optional<NetworkAddress>> addresses = new ArrayList<>();
            app.values().forEach((variable, value) -> {
                if (variable.matches("PARCELTRACK_DB_[A-Z]+_URL") && !value.isBlank()) {
                    addresses.add(NetworkAddress.parseJdbc(value));
                }
            });
            if (!app.command().startsWith("migrate")) {
                apps.requiredGrpcAddresses(app.command(), app.values()).values()
                        .forEach(address -> addresses.add(NetworkAddress.parse(address)));
                if (apps.requires(app.command(), "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", app.values())) {
                    addresses.addAll(NetworkAddress.parseList(app.values().get("PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS")));
                }
            }
            for (Optional<NetworkAddress> address : addresses) {
                Optional<Path> path = address.flatMap(this::reach).map(target -> new Path(client, target.server(), target.port()));
                path.ifPresentOrElse(paths::add, () -> problems.add(app.where() + " calls " + address + ", which leads nowhere"));
            }
        }
        Problems.assertNone(problems);
        return paths;
    }

    private boolean allowed(Path path) {
        YamlNode container = path.server().containers().get(0);
        return allowPolicies().stream()
                .filter(policy -> base.workloadsMatching(policy.body().at("spec", "podSelector")).contains(path.server()))
                .flatMap(policy -> policy.body().at("spec", "ingress").items().stream())
                .anyMatch(rule -> rule.get("ports").items().stream()
                        .anyMatch(port -> KubernetesBase.containerPort(container, port.get("port")).equals(Optional.of(path.port())))
                        && rule.get("from").items().stream().anyMatch(peer -> peer.get("podSelector").isPresent()
                                && !peer.get("namespaceSelector").isPresent()
                                && base.workloadsMatching(peer.get("podSelector")).contains(path.client())));
    }

    private record Target(KubernetesObject server, int port) {}

    /** Through the Service named like the host, to the one workload it selects and its container port. */
    private Optional<Target> reach(NetworkAddress address) {
        return base.find("Service", address.host()).flatMap(service -> {
            List<KubernetesObject> selected = base.workloadsMatching(service.body().at("spec", "selector"));
            if (selected.size() != 1) {
                return Optional.empty();
            }
            YamlNode container = selected.get(0).containers().get(0);
            return service.body().at("spec", "ports").items().stream()
                    .filter(port -> port.get("port").integer().equals(Optional.of(address.port())))
                    .findFirst()
                    .flatMap(port -> KubernetesBase.containerPort(container,
                            port.get("targetPort").isPresent() ? port.get("targetPort") : port.get("port")))
                    .map(number -> new Target(selected.get(0), number));
        });
    }

    private boolean exposedByAService(KubernetesObject workload, int containerPort) {
        YamlNode container = workload.containers().get(0);
        return base.ofKind("Service").stream()
                .filter(service -> base.workloadsMatching(service.body().at("spec", "selector")).contains(workload))
                .flatMap(service -> service.body().at("spec", "ports").items().stream())
                .anyMatch(port -> KubernetesBase.containerPort(container,
                        port.get("targetPort").isPresent() ? port.get("targetPort") : port.get("port"))
                        .equals(Optional.of(containerPort)));
    }

    private List<KubernetesObject> allowPolicies() {
        return policies.stream().filter(policy -> !policy.body().at("spec", "podSelector").entries().isEmpty()).toList();
    }

    private Optional<KubernetesObject> workloadOf(AppContainer app) {
        return base.workloads().stream().filter(workload -> app.where().startsWith(workload.where() + " container "))
                .findFirst();
    }

    private static boolean monitoring(YamlNode ruleOrPeer) {
        List<YamlNode> peers = ruleOrPeer.get("from").isPresent() ? ruleOrPeer.get("from").items() : List.of(ruleOrPeer);
        return !peers.isEmpty() && peers.stream().allMatch(peer -> peer.at("namespaceSelector", "matchLabels")
                .entries().getOrDefault("kubernetes.io/metadata.name", YamlNode.root("", null)).scalar()
                .equals(Optional.of(MONITORING_NAMESPACE)));
    }
}
