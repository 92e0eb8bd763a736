package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/base, assembled as kustomize would, agrees with the apps: real subcommands and
 * settings, probes on what the apps serve, Services that lead to the right ports, secrets from
 * Secrets, resources and probes on every workload, one replica per bot, StatefulSets (pod name =
 * Kafka instance id) for the apps that use Kafka.
 */
class KubernetesBaseTest extends AppImageContainersContract {
    private static final String PLACEHOLDER = "CHANGE_ME";

    private KubernetesBase base;
    private List<String> referenceProblems;
    private List<AppContainer> containers;

    @BeforeAll
    void readTheBase() {
        base = DeploymentManifests.kubernetesBase();
        referenceProblems = new ArrayList<>();
        containers = DeploymentManifests.kubernetesAppContainers(base, referenceProblems);
    }

    @Test
    void kustomizationListsEveryManifestOfTheBaseAndEveryFileItNamesExists() throws IOException {
        Set<String> manifests = new HashSet<>();
        try (Stream<Path> files = Files.walk(base.directory())) {
            files.filter(file -> file.toString().endsWith(".yaml") && !file.endsWith("kustomization.yaml"))
                    .forEach(file -> manifests.add(base.directory().relativize(file).toString()));
        }
        Problems.assertNone(base.missingFiles());
        assertThat(base.resourceFiles()).containsExactlyInAnyOrderElementsOf(manifests);
    }

    @Test
    void everyObjectHasAnApiVersionAKindAndAUniqueName() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KubernetesObject object : base.objects()) {
            if (!object.body().get("apiVersion").isPresent()) {
                problems.add(object.where() + " has no apiVersion");
            }
            if (object.kind().equals("?") || object.name().equals("?")) {
                problems.add(object.where() + " has no kind or no metadata.name");
            }
            if (!seen.add(object.kind() + "/" + object.name())) {
                problems.add(object.where() + " is defined twice");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyReferenceToAConfigMapOrSecretKeyExists() {
        Problems.assertNone(referenceProblems);
    }

    @Test
    void appsWithAKafkaIdentityAreStatefulSetsTheOthersDeploymentsMigrationsJobsAndNoneReplacesTheEntrypoint() {
        List<String> problems = new ArrayList<>();
        Set<String> statefulApps = new HashSet<>();
        for (KubernetesObject workload : base.workloads()) {
            for (AppContainer container : appContainersOf(workload)) {
                String expected = container.command().equals(RealApps.MIGRATE) ? "Job"
                        : usesKafka(container) ? "StatefulSet" : "Deployment";
                if (!workload.kind().equals(expected)) {
                    problems.add(workload.where() + " runs " + container.arguments() + "; it should be a " + expected
                            + " (apps with a Kafka instance id are StatefulSets, other apps Deployments, migrations Jobs)");
                }
                if (workload.kind().equals("StatefulSet")) {
                    statefulApps.add(container.command());
                }
            }
            for (YamlNode container : workload.containers()) {
                if (container.get("command").isPresent()) {
                    problems.add(container.where() + " sets command, which replaces the image's ENTRYPOINT (java and its flags); use args");
                }
            }
        }
        Problems.assertNone(problems);
        assertThat(statefulApps).containsExactlyInAnyOrder("parcels-manager-service", "notification-service", "user-bot");
    }

    /**
     * A StatefulSet of the app image exists for its stable pod names: the pod name is the instance id
     * (transactional ids, group.instance.id, delivery-claim owner), so a replaced pod fences its
     * predecessor at once. Its governing Service is headless, its pods start in parallel (they do not
     * wait for each other) and an update replaces them one at a time.
     */
    @Test
    void statefulAppsTakeTheirInstanceIdFromThePodNameUnderAHeadlessServiceAndStartInParallel() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (KubernetesObject statefulSet : base.ofKind("StatefulSet")) {
            List<AppContainer> app = appContainersOf(statefulSet);
            if (app.isEmpty()) {
                continue;
            }
            checked++;
            EnvValue instanceId = app.get(0).environment().getOrDefault("PARCELTRACK_KAFKA_INSTANCE_ID", EnvValue.missing());
            if (instanceId.source() != EnvValue.Source.POD_FIELD || !instanceId.origin().equals("metadata.name")) {
                problems.add(app.get(0).where() + " takes PARCELTRACK_KAFKA_INSTANCE_ID from " + instanceId.origin()
                        + "; take it from the pod's metadata.name (fieldRef)");
            }
            YamlNode spec = statefulSet.body().get("spec");
            if (spec.get("replicas").integer().orElse(0) < 1) {
                problems.add(statefulSet.where() + " names no replicas");
            }
            String governing = spec.get("serviceName").scalar().orElse("");
            boolean headless = base.find("Service", governing)
                    .map(service -> service.body().at("spec", "clusterIP").scalar().equals(Optional.of("None"))
                            && selectedBy(service).equals(List.of(statefulSet)))
                    .orElse(false);
            if (!headless) {
                problems.add(statefulSet.where() + " serviceName '" + governing + "' is not a headless Service of its pods");
            }
            if (!spec.get("podManagementPolicy").scalar().equals(Optional.of("Parallel"))) {
                problems.add(statefulSet.where() + " starts its pods one after the other; they do not wait for each other (Parallel)");
            }
            if (!spec.at("updateStrategy", "type").scalar().equals(Optional.of("RollingUpdate"))) {
                problems.add(statefulSet.where() + " must roll its pods (updateStrategy RollingUpdate): OnDelete never updates them");
            }
        }
        Problems.assertNone(problems);
        assertThat(checked).as("StatefulSets of the app image").isEqualTo(3);
    }

    @Test
    void everyDeploymentAndJobRunsTheOneAppImageThatComposeRunsToo() {
        ComposeProject compose = DeploymentManifests.compose(
                DeploymentManifests.operatorEnvironment(DeploymentManifests.composeEnvExample()));
        Set<String> composeImages = new HashSet<>();
        DeploymentManifests.composeAppServices(compose).forEach(service -> composeImages.add(compose.image(service)));

        assertThat(containers.stream().map(AppContainer::image).distinct()).containsExactlyElementsOf(composeImages);
    }

    @Test
    void configMapKeysAreSettingsAndEveryEnvValueIsAString() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject configMap : base.ofKind("ConfigMap")) {
            base.data("ConfigMap", configMap.name()).orElseThrow().keySet().stream()
                    .filter(key -> key.matches("[A-Z][A-Z0-9_]*") && !apps.isSetting(key))
                    .forEach(key -> problems.add(configMap.where() + " has " + key + ", which is no setting of reference.conf"));
        }
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                for (YamlNode variable : container.get("env").items()) {
                    YamlNode value = variable.get("value");
                    if (value.isPresent() && value.text().isEmpty()) {
                        problems.add(value.where() + " (" + variable.get("name").scalar().orElse("?")
                                + ") is a YAML " + value.value().getClass().getSimpleName() + "; the API wants a string: quote it");
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyAppIsCheckedForLivenessToo() {
        List<String> problems = new ArrayList<>();
        for (AppContainer app : longRunning()) {
            if (app.probes().stream().noneMatch(probe -> probe.purpose() == Probe.Purpose.LIVENESS)) {
                problems.add(app.where() + " has no liveness probe");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyPortAnAppListensOnIsDeclared() {
        List<String> problems = new ArrayList<>();
        for (AppContainer app : longRunning()) {
            Set<Integer> undeclared = new HashSet<>(rules.listeningPorts(app));
            undeclared.removeAll(app.declaredPorts());
            if (!undeclared.isEmpty()) {
                problems.add(app.where() + " does not declare the ports it listens on: " + undeclared);
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void configMapsHoldNoSecretAndSecretsHoldOnlyMarkedPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject configMap : base.ofKind("ConfigMap")) {
            base.data("ConfigMap", configMap.name()).orElseThrow().keySet().stream().filter(apps::isSecret)
                    .forEach(key -> problems.add(configMap.where() + " holds the secret " + key));
        }
        for (KubernetesObject secret : base.ofKind("Secret")) {
            base.data("Secret", secret.name()).orElseThrow().forEach((key, value) -> {
                if (!value.contains(PLACEHOLDER)) {
                    problems.add(secret.where() + " key " + key + " is not a " + PLACEHOLDER + " placeholder: the base holds no real secret");
                }
            });
        }
        for (KubernetesObject postgres : postgresServers()) {
            EnvValue password = serverEnvironment(postgres).getOrDefault("POSTGRES_PASSWORD", EnvValue.missing());
            if (password.source() != EnvValue.Source.SECRET) {
                problems.add(postgres.where() + " takes POSTGRES_PASSWORD from " + password.origin() + ", not from a Secret");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyContainerOfEveryWorkloadHasCpuAndMemoryRequestsAndLimits() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                for (String resource : List.of("cpu", "memory")) {
                    Optional<BigDecimal> request = container.at("resources", "requests", resource).scalar().flatMap(ResourceQuantity::parse);
                    Optional<BigDecimal> limit = container.at("resources", "limits", resource).scalar().flatMap(ResourceQuantity::parse);
                    if (request.isEmpty() || limit.isEmpty()) {
                        problems.add(container.where() + " lacks a " + resource + " request or limit");
                    } else if (limit.get().compareTo(request.get()) < 0) {
                        problems.add(container.where() + " limits " + resource + " below its request");
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void everyLongRunningWorkloadIsProbedForReadinessAndLiveness() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            if (workload.kind().equals("Job")) {
                continue;
            }
            for (YamlNode container : workload.containers()) {
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (!container.get(probe).isPresent()) {
                        problems.add(container.where() + " has no " + probe);
                    }
                }
            }
        }
        Problems.assertNone(problems);
    }

    /**
     * One poller per bot token: one replica, and an update that never runs two. A Deployment needs
     * Recreate for that; a StatefulSet's rolling update deletes a pod before it starts its successor.
     */
    @Test
    void theBotsRunExactlyOneReplicaNeverTwoAtOnce() {
        List<String> bots = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            List<AppContainer> app = appContainersOf(workload);
            if (app.isEmpty() || !apps.pollsTelegram(app.get(0).command())) {
                continue;
            }
            bots.add(app.get(0).command());
            assertThat(workload.body().at("spec", "replicas").integer()).as(workload.where() + " replicas").hasValue(1);
            if (workload.kind().equals("Deployment")) {
                assertThat(workload.body().at("spec", "strategy", "type").scalar())
                        .as(workload.where() + " strategy (a rolling update runs two pollers at once)").hasValue("Recreate");
            } else {
                assertThat(workload.kind()).as(workload.where()).isEqualTo("StatefulSet");
                assertThat(workload.body().at("spec", "updateStrategy", "rollingUpdate", "maxUnavailable").isPresent())
                        .as(workload.where() + " replaces its one pod before starting the next").isFalse();
            }
        }
        assertThat(bots).containsExactlyInAnyOrder("user-bot", "manager-bot");
    }

    @Test
    void servicesSelectOneWorkloadsPodsAndTargetPortsTheyDeclare() {
        List<String> problems = new ArrayList<>();
        for (KubernetesObject service : base.ofKind("Service")) {
            List<KubernetesObject> selected = selectedBy(service);
            if (selected.size() != 1) {
                problems.add(service.where() + " selects " + selected.size() + " workloads");
                continue;
            }
            YamlNode container = selected.get(0).containers().get(0);
            for (YamlNode port : service.body().at("spec", "ports").items()) {
                YamlNode target = port.get("targetPort").isPresent() ? port.get("targetPort") : port.get("port");
                if (KubernetesBase.containerPort(container, target).filter(number -> number > 0).isEmpty()) {
                    problems.add(port.where() + " targets " + target.scalar().orElse("?") + ", which "
                            + selected.get(0).where() + " does not declare");
                }
            }
        }
        for (KubernetesObject statefulSet : base.ofKind("StatefulSet")) {
            String governing = statefulSet.body().at("spec", "serviceName").scalar().orElse("");
            if (base.find("Service", governing).map(service -> selectedBy(service).contains(statefulSet)).orElse(false) == false) {
                problems.add(statefulSet.where() + " names serviceName " + governing + ", which is not a Service of its pods");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void grpcAddressesLeadThroughAServiceToThePortThatServesThem() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (AppContainer client : longRunning()) {
            for (Map.Entry<String, String> variable : apps.requiredGrpcAddresses(client.command(), client.values()).entrySet()) {
                checked++;
                String portSetting = apps.variables().get(variable.getKey()).replace(".address", ".port");
                Optional<NetworkAddress> address = NetworkAddress.parse(variable.getValue());
                Optional<Integer> reached = address.flatMap(this::reach)
                        .flatMap(target -> appOf(target.workload()).flatMap(server -> rules.portOf(server, portSetting))
                                .filter(served -> served.equals(target.containerPort())));
                if (reached.isEmpty()) {
                    problems.add(client.where() + " " + variable.getKey() + "=" + variable.getValue()
                            + " does not lead to a pod serving " + portSetting);
                }
            }
        }
        Problems.assertNone(problems);
        assertThat(checked).as("gRPC addresses checked").isPositive();
    }

    @Test
    void databaseUrlsLeadToAPostgresServerWithThatDatabaseUserAndPassword() {
        List<String> problems = new ArrayList<>();
        for (AppContainer container : containers) {
            for (Map.Entry<String, String> url : Databases.urlsByRole(container).entrySet()) {
                String role = url.getKey();
                Optional<Target> target = NetworkAddress.parseJdbc(url.getValue()).flatMap(this::reach);
                if (target.isEmpty() || !postgresServers().contains(target.get().workload())) {
                    problems.add(container.where() + " " + role + " URL " + url.getValue() + " does not lead to a PostgreSQL server");
                    continue;
                }
                KubernetesObject server = target.get().workload();
                Map<String, EnvValue> serverEnv = serverEnvironment(server);
                String database = NetworkAddress.parseJdbc(url.getValue()).orElseThrow().database();
                if (!databasesOf(server).contains(database)) {
                    problems.add(container.where() + " wants database " + database + ", but " + server.name()
                            + " creates only " + databasesOf(server));
                }
                EnvValue user = container.environment().getOrDefault("PARCELTRACK_DB_" + role + "_USER", EnvValue.missing());
                if (!user.value().equals(serverEnv.getOrDefault("POSTGRES_USER", EnvValue.missing()).value())) {
                    problems.add(container.where() + " logs into " + server.name() + " as '" + user.value() + "', not as its POSTGRES_USER");
                }
                EnvValue password = container.environment().getOrDefault("PARCELTRACK_DB_" + role + "_PASSWORD", EnvValue.missing());
                if (!password.origin().equals(serverEnv.getOrDefault("POSTGRES_PASSWORD", EnvValue.missing()).origin())) {
                    problems.add(container.where() + " " + role + " password comes from " + password.origin() + ", "
                            + server.name() + "'s from " + serverEnv.get("POSTGRES_PASSWORD").origin());
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void kafkaClientsReachTheAdvertisedListenerOfASingleKraftNode() {
        List<KubernetesObject> brokers = base.ofKind("StatefulSet").stream()
                .filter(workload -> workload.containers().get(0).get("image").scalar().orElse("").startsWith("apache/kafka:"))
                .toList();
        assertThat(brokers).hasSize(1);
        KubernetesObject broker = brokers.get(0);
        Map<String, String> brokerEnv = EnvValue.values(serverEnvironment(broker));
        assertThat(brokerEnv.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(brokerEnv).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(Uuid.fromString(brokerEnv.get("CLUSTER_ID"))).as("CLUSTER_ID").isNotNull();
        assertThat(broker.body().at("spec", "replicas").integer()).hasValue(1);

        List<String> problems = new ArrayList<>();
        for (AppContainer app : longRunning()) {
            String bootstrap = app.values().getOrDefault("PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "");
            for (Optional<NetworkAddress> address : bootstrap.isEmpty() ? List.<Optional<NetworkAddress>>of()
                    : NetworkAddress.parseList(bootstrap)) {
                boolean reachesBroker = address.flatMap(this::reach)
                        .filter(target -> target.workload().equals(broker)).isPresent();
                boolean advertised = address.isPresent()
                        && brokerEnv.get("KAFKA_ADVERTISED_LISTENERS").contains("://" + address.get());
                if (!reachesBroker || !advertised) {
                    problems.add(app.where() + " bootstraps from " + bootstrap + ", which is not the broker's advertised "
                            + brokerEnv.get("KAFKA_ADVERTISED_LISTENERS") + " behind a Service");
                }
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void migrationJobsRetryAndCoverEveryDatabaseTheAppsAreGiven() {
        List<String> problems = new ArrayList<>();
        Set<String> migrated = new HashSet<>();
        for (KubernetesObject job : base.ofKind("Job")) {
            String restart = job.podSpec().get("restartPolicy").scalar().orElse("");
            if (!List.of("OnFailure", "Never").contains(restart)) {
                problems.add(job.where() + " restartPolicy is '" + restart + "'; a Job needs OnFailure or Never");
            }
            if (job.body().at("spec", "backoffLimit").integer().orElse(0) < 3) {
                problems.add(job.where() + " gives up too early while its database server starts (backoffLimit)");
            }
            appContainersOf(job).forEach(container -> migrated.addAll(Databases.urlsByRole(container).values()));
        }
        for (AppContainer app : longRunning()) {
            Databases.urlsByRole(app).values().stream().filter(url -> !migrated.contains(url))
                    .forEach(url -> problems.add(app.where() + " is given " + url + ", which no Job migrates"));
        }
        Problems.assertNone(problems);
        assertThat(migrated).isNotEmpty();
    }

    @Test
    void podsOfTheAppImageRunAsTheImagesNonRootUserOnAReadOnlyRootWithAWritableTmp() {
        String imageUser = Dockerfile.read(DeployFiles.dockerfile()).finalStage().last("USER").orElseThrow().arguments();
        String uid = imageUser.split(":")[0];
        List<String> problems = new ArrayList<>();
        for (KubernetesObject workload : base.workloads()) {
            if (appContainersOf(workload).isEmpty()) {
                continue;
            }
            YamlNode security = workload.podSpec().get("securityContext");
            if (!security.get("runAsNonRoot").scalar().equals(Optional.of("true"))
                    || !security.get("runAsUser").scalar().equals(Optional.of(uid))) {
                problems.add(workload.where() + " must run as non-root user " + uid + " (the image's USER)");
            }
            for (YamlNode container : workload.containers()) {
                YamlNode containerSecurity = container.get("securityContext");
                if (!containerSecurity.get("allowPrivilegeEscalation").scalar().equals(Optional.of("false"))
                        || !containerSecurity.get("readOnlyRootFilesystem").scalar().equals(Optional.of("true"))) {
                    problems.add(container.where() + " must forbid privilege escalation and keep its root read-only");
                }
                boolean tmpWritable = container.get("volumeMounts").items().stream()
                        .anyMatch(mount -> mount.get("mountPath").scalar().equals(Optional.of("/tmp")));
                if (!tmpWritable) {
                    problems.add(container.where() + " needs a writable /tmp (the JVM and gRPC's native transport write there)");
                }
            }
        }
        Problems.assertNone(problems);
    }

    /** Where a host:port leads: the workload behind the Service of that name, and the container port behind the Service port. */
    private record Target(KubernetesObject workload, int containerPort) {}

    private Optional<Target> reach(NetworkAddress address) {
        Optional<KubernetesObject> service = base.find("Service", address.host());
        if (service.isEmpty()) {
            return Optional.empty();
        }
        List<KubernetesObject> selected = selectedBy(service.get());
        if (selected.size() != 1) {
            return Optional.empty();
        }
        YamlNode container = selected.get(0).containers().get(0);
        return service.get().body().at("spec", "ports").items().stream()
                .filter(port -> port.get("port").integer().equals(Optional.of(address.port())))
                .findFirst()
                .flatMap(port -> KubernetesBase.containerPort(container,
                        port.get("targetPort").isPresent() ? port.get("targetPort") : port.get("port")))
                .map(containerPort -> new Target(selected.get(0), containerPort));
    }

    private List<KubernetesObject> selectedBy(KubernetesObject service) {
        Map<String, YamlNode> selector = service.body().at("spec", "selector").entries();
        if (selector.isEmpty()) {
            return List.of();
        }
        return base.workloads().stream().filter(workload -> selector.entrySet().stream().allMatch(pair ->
                workload.podLabels().containsKey(pair.getKey())
                        && workload.podLabels().get(pair.getKey()).scalar().equals(pair.getValue().scalar())))
                .toList();
    }

    private List<AppContainer> appContainersOf(KubernetesObject workload) {
        String prefix = workload.where() + " container ";
        return containers.stream().filter(container -> container.where().startsWith(prefix)).toList();
    }

    private boolean usesKafka(AppContainer app) {
        return apps.requires(app.command(), "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", app.values());
    }

    private Optional<AppContainer> appOf(KubernetesObject workload) {
        return appContainersOf(workload).stream().findFirst();
    }

    @Override
    protected List<AppContainer> containers() {
        return containers;
    }

    private List<KubernetesObject> postgresServers() {
        return base.ofKind("StatefulSet").stream()
                .filter(workload -> workload.containers().get(0).get("image").scalar().orElse("").startsWith("postgres:"))
                .toList();
    }

    private Map<String, EnvValue> serverEnvironment(KubernetesObject server) {
        return base.environment(server.containers().get(0), server.where(), new ArrayList<>());
    }

    /** POSTGRES_DB and every database the init scripts mounted into the server create. */
    private Set<String> databasesOf(KubernetesObject server) {
        Set<String> databases = new HashSet<>();
        databases.add(EnvValue.values(serverEnvironment(server)).getOrDefault("POSTGRES_DB", ""));
        YamlNode container = server.containers().get(0);
        for (YamlNode mount : container.get("volumeMounts").items()) {
            if (!mount.get("mountPath").scalar().orElse("").startsWith(Databases.INIT_SCRIPTS)) {
                continue;
            }
            String volumeName = mount.get("name").scalar().orElse("");
            server.podSpec().get("volumes").items().stream()
                    .filter(volume -> volume.get("name").scalar().equals(Optional.of(volumeName)))
                    .map(volume -> volume.at("configMap", "name").scalar().orElse(""))
                    .flatMap(configMap -> base.data("ConfigMap", configMap).stream())
                    .flatMap(data -> data.values().stream())
                    .forEach(script -> databases.addAll(Databases.createdBy(script)));
        }
        return databases;
    }
}
