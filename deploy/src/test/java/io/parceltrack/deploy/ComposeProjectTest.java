package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml, read as docker compose reads it with an operator's .env made from
 * .env.example, agrees with the apps: real subcommands and settings, every app gets what it needs,
 * addresses lead to the services that serve them, secrets come from the environment.
 */
class ComposeProjectTest extends AppImageContainersContract {
    private static final Pattern LOGSTASH_TCP_INPUT =
            Pattern.compile("tcp\\s*\\{[^}]*port\\s*=>\\s*(\\d+)[^}]*codec\\s*=>\\s*json_lines[^}]*}");
    /** compose reads these from the .env itself; they are not substituted into the file. */
    private static final Set<String> READ_BY_COMPOSE = Set.of("COMPOSE_PROFILES");

    private DotEnvFile envExample;
    private ComposeProject compose;
    private List<AppContainer> containers;

    @BeforeAll
    void readTheComposeFile() {
        envExample = DeploymentManifests.composeEnvExample();
        compose = DeploymentManifests.compose(DeploymentManifests.operatorEnvironment(envExample));
        containers = DeploymentManifests.composeAppContainers(compose);
    }

    @Test
    void anEnvironmentMadeFromTheExampleGivesEveryVariableTheFileRequires() {
        Problems.assertNone(compose.substitutionErrors());
    }

    @Test
    void theExampleLeavesOnlySecretsForTheOperatorToFillIn() {
        envExample.values().forEach((name, value) -> {
            if (value.isEmpty()) {
                assertThat(apps.isSecret(name) || name.endsWith("_PASSWORD")).as(name + " left empty in .env.example").isTrue();
            }
        });
        ComposeProject withoutSecrets = DeploymentManifests.compose(envExample.values());
        assertThat(withoutSecrets.substitutionErrors()).as("compose refuses to start without the bot tokens")
                .anyMatch(error -> error.startsWith("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN"))
                .anyMatch(error -> error.startsWith("PARCELTRACK_TELEGRAM_MANAGER_BOT_TOKEN"));
    }

    @Test
    void theExampleDocumentsEveryVariableTheFileUsesAndNothingElse() {
        Set<String> documented = new HashSet<>(envExample.values().keySet());
        documented.addAll(envExample.commentedOut().keySet());
        Set<String> used = new HashSet<>(compose.variablesUsed());
        used.addAll(READ_BY_COMPOSE);

        assertThat(documented).containsExactlyInAnyOrderElementsOf(used);
        assertThat(documented.stream().filter(name -> name.startsWith("PARCELTRACK_")))
                .allSatisfy(name -> assertThat(apps.isSetting(name)).as(name + " is a setting").isTrue());
    }

    @Test
    void everyServiceOfTheAppImageRunsTheOneImageBuiltFromTheDockerfile() {
        List<String> services = DeploymentManifests.composeAppServices(compose);
        Path composeDirectory = DeployFiles.composeFile().getParent();

        assertThat(services.stream().map(compose::image).distinct()).hasSize(1);
        for (String service : services) {
            YamlNode build = compose.service(service).get("build");
            Path context = composeDirectory.resolve(build.get("context").scalar().orElse("?")).normalize();
            assertThat(context).as(service + " build context").isEqualTo(DeployFiles.repository().normalize());
            assertThat(context.resolve(build.get("dockerfile").scalar().orElse("?")).normalize())
                    .as(service + " dockerfile").isEqualTo(DeployFiles.dockerfile().normalize());
        }
    }

    @Test
    void postgresPasswordsAreSubstitutedFromTheEnvironmentFileToo() {
        List<String> problems = new ArrayList<>();
        for (String postgres : servicesWithImage("postgres:")) {
            String password = compose.environment(postgres).get("POSTGRES_PASSWORD").origin();
            if (!password.matches("\\$\\{\\w+(:?\\?[^}]*)?}")) {
                problems.add(postgres + " POSTGRES_PASSWORD is '" + password + "', not a ${VARIABLE} without default");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void migrationsRunOnceBeforeTheAppsAndCoverEveryDatabaseTheAppsUse() {
        List<String> problems = new ArrayList<>();
        Map<String, String> migratedBy = new LinkedHashMap<>();
        for (AppContainer migration : migrations()) {
            String service = serviceOf(migration);
            if (!compose.service(service).get("restart").text().equals(Optional.of("no"))) {
                problems.add(service + " restart must be the string \"no\" (a one-shot job; unquoted no is a boolean)");
            }
            Databases.urlsByRole(migration).forEach((variable, url) -> migratedBy.put(url, service));
        }
        for (AppContainer app : longRunning()) {
            String service = serviceOf(app);
            Databases.urlsByRole(app).forEach((variable, url) -> {
                String migration = migratedBy.get(url);
                if (migration == null) {
                    problems.add(service + " uses " + url + ", which no migration service migrates");
                } else if (!"service_completed_successfully".equals(compose.dependsOn(service).get(migration))) {
                    problems.add(service + " must depend on " + migration + " (condition: service_completed_successfully)");
                }
            });
        }
        Problems.assertNone(problems);
    }

    @Test
    void databaseUrlsLeadToAPostgresServiceWithThatDatabaseUserAndPassword() {
        List<String> problems = new ArrayList<>();
        for (AppContainer container : containers) {
            String service = serviceOf(container);
            for (Map.Entry<String, String> url : Databases.urlsByRole(container).entrySet()) {
                String role = url.getKey();
                Optional<NetworkAddress> address = NetworkAddress.parseJdbc(url.getValue());
                if (address.isEmpty()) {
                    problems.add(service + " " + role + " URL '" + url.getValue() + "' is no PostgreSQL JDBC URL");
                    continue;
                }
                String server = address.get().host();
                if (!compose.image(server).startsWith("postgres:") || address.get().port() != 5432) {
                    problems.add(service + " " + role + " points at " + address.get() + ", which is no postgres service");
                    continue;
                }
                Map<String, EnvValue> serverEnv = compose.environment(server);
                if (!databasesOf(server).contains(address.get().database())) {
                    problems.add(service + " " + role + " wants database " + address.get().database() + ", but "
                            + server + " creates only " + databasesOf(server));
                }
                String user = container.environment().getOrDefault("PARCELTRACK_DB_" + role + "_USER", EnvValue.missing()).value();
                if (!user.equals(serverEnv.get("POSTGRES_USER").value())) {
                    problems.add(service + " logs into " + server + " as " + user + ", which is not its POSTGRES_USER");
                }
                String password = container.environment().getOrDefault("PARCELTRACK_DB_" + role + "_PASSWORD", EnvValue.missing()).origin();
                if (!password.equals(serverEnv.get("POSTGRES_PASSWORD").origin())) {
                    problems.add(service + " " + role + " password '" + password + "' is not " + server + "'s POSTGRES_PASSWORD");
                }
            }
            if (container.command().equals(RealApps.MIGRATE)) {
                Databases.urlsByRole(container).values().stream().map(NetworkAddress::parseJdbc).flatMap(Optional::stream)
                        .map(NetworkAddress::host).distinct()
                        .filter(server -> !"service_healthy".equals(compose.dependsOn(service).get(server)))
                        .forEach(server -> problems.add(service + " must wait for " + server + " (service_healthy)"));
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void kafkaClientsReachTheAdvertisedListenerOfASingleKraftNodeAndWaitForIt() {
        List<String> problems = new ArrayList<>();
        List<String> brokers = servicesWithImage("apache/kafka:");
        assertThat(brokers).hasSize(1);
        String broker = brokers.get(0);
        Map<String, String> brokerEnv = EnvValue.values(compose.environment(broker));

        assertThat(brokerEnv.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(brokerEnv).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(Uuid.fromString(brokerEnv.get("CLUSTER_ID"))).as("CLUSTER_ID").isNotNull();
        assertThat(brokerEnv.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).as("transactions on one node").isEqualTo("1");
        for (AppContainer app : longRunning()) {
            String bootstrap = app.values().getOrDefault("PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "");
            if (bootstrap.isEmpty()) {
                continue;
            }
            for (Optional<NetworkAddress> address : NetworkAddress.parseList(bootstrap)) {
                String advertised = "://" + address.map(NetworkAddress::toString).orElse("?");
                if (address.isEmpty() || !address.get().host().equals(broker)
                        || !brokerEnv.get("KAFKA_ADVERTISED_LISTENERS").contains(advertised)) {
                    problems.add(serviceOf(app) + " bootstraps from " + bootstrap + ", which is not what " + broker
                            + " advertises: " + brokerEnv.get("KAFKA_ADVERTISED_LISTENERS"));
                }
            }
            if (!"service_healthy".equals(compose.dependsOn(serviceOf(app)).get(broker))) {
                problems.add(serviceOf(app) + " uses Kafka but does not wait for " + broker + " (service_healthy)");
            }
        }
        Problems.assertNone(problems);
    }

    @Test
    void grpcAddressesLeadToTheServiceThatServesThatPortAndClientsWaitForIt() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (AppContainer client : longRunning()) {
            for (Map.Entry<String, String> required : apps.requiredGrpcAddresses(client.command(), client.values()).entrySet()) {
                checked++;
                String variable = required.getKey();
                String portSetting = apps.variables().get(variable).replace(".address", ".port");
                Optional<NetworkAddress> address = NetworkAddress.parse(required.getValue());
                Optional<AppContainer> server = address.flatMap(a -> longRunning().stream()
                        .filter(candidate -> serviceOf(candidate).equals(a.host())).findFirst());
                Optional<Integer> served = server.flatMap(s -> rules.portOf(s, portSetting));
                if (served.isEmpty() || served.get() != address.get().port()) {
                    problems.add(serviceOf(client) + " calls " + variable + "=" + required.getValue() + ", where no service serves "
                            + portSetting);
                } else if (!"service_healthy".equals(compose.dependsOn(serviceOf(client)).get(address.get().host()))) {
                    problems.add(serviceOf(client) + " calls " + address.get().host() + " but does not wait for it (service_healthy)");
                }
            }
        }
        Problems.assertNone(problems);
        assertThat(checked).as("gRPC addresses checked").isPositive();
    }

    @Test
    void dependenciesAndVolumesExistAndAlwaysOnServicesDependOnlyOnAlwaysOnOnes() {
        List<String> problems = new ArrayList<>();
        for (String service : compose.services().keySet()) {
            for (String dependency : compose.dependsOn(service).keySet()) {
                if (!compose.services().containsKey(dependency)) {
                    problems.add(service + " depends on " + dependency + ", which does not exist");
                } else if (compose.profiles(service).isEmpty() && !compose.profiles(dependency).isEmpty()) {
                    problems.add(service + " always runs but depends on " + dependency + " of profile " + compose.profiles(dependency));
                }
            }
            compose.namedVolumes(service).stream().filter(volume -> !compose.volumesDeclared().contains(volume))
                    .forEach(volume -> problems.add(service + " mounts volume " + volume + ", which is not declared"));
            // Except the gRPC certificates, which the operator makes with ./parceltrack certs (GrpcTlsManifestsTest).
            compose.mountedFiles(service).values().stream().filter(file -> !Files.exists(file))
                    .filter(file -> !file.equals(GrpcTlsManifestsTest.COMPOSE_CERTS))
                    .forEach(file -> problems.add(service + " mounts " + file + ", which does not exist"));
        }
        Problems.assertNone(problems);
    }

    @Test
    void theBotsAreNeverScaled() {
        for (AppContainer bot : longRunning().stream().filter(app -> apps.pollsTelegram(app.command())).toList()) {
            YamlNode service = compose.service(serviceOf(bot));
            assertThat(service.at("deploy", "replicas").integer().orElse(1)).as(bot.where() + " replicas").isEqualTo(1);
            assertThat(service.get("scale").integer().orElse(1)).as(bot.where() + " scale").isEqualTo(1);
        }
    }

    @Test
    void elkProfileRunsOneVersionOfElasticsearchLogstashAndKibana() {
        List<String> elk = compose.services().keySet().stream().filter(service -> compose.profiles(service).contains("elk")).toList();

        assertThat(elk.stream().map(compose::image).map(image -> image.replaceFirst(":.*", "")))
                .containsExactlyInAnyOrder("docker.elastic.co/elasticsearch/elasticsearch",
                        "docker.elastic.co/logstash/logstash", "docker.elastic.co/kibana/kibana");
        assertThat(elk.stream().map(compose::image).map(image -> image.replaceFirst(".*:", "")).distinct()).hasSize(1);
    }

    @Test
    void withTheElkOptionsOfTheExampleEveryAppShipsItsLogsToLogstashsJsonLinesInput() {
        Map<String, String> environment = DeploymentManifests.operatorEnvironment(envExample);
        environment.putAll(envExample.commentedOut());
        ComposeProject withElk = DeploymentManifests.compose(environment);
        List<String> problems = new ArrayList<>(withElk.substitutionErrors());
        assertThat(environment.get("COMPOSE_PROFILES")).as("COMPOSE_PROFILES of the ELK options").contains("elk");

        for (AppContainer app : DeploymentManifests.composeAppContainers(withElk)) {
            String destination = app.values().getOrDefault("PARCELTRACK_LOGGING_LOGSTASH_DESTINATION", "");
            Optional<NetworkAddress> address = NetworkAddress.parse(destination);
            if (address.isEmpty() || !withElk.image(address.get().host()).startsWith("docker.elastic.co/logstash/")) {
                problems.add(app.where() + " ships logs to '" + destination + "', which is no logstash service");
                continue;
            }
            String logstash = address.get().host();
            if (!withElk.profiles(logstash).contains("elk")) {
                problems.add(logstash + " is not in the elk profile");
            }
            Set<Integer> tcpInputs = new HashSet<>();
            for (Path mounted : withElk.mountedFiles(logstash).values()) {
                for (Path pipeline : Files.isDirectory(mounted) ? listFiles(mounted) : List.of(mounted)) {
                    Matcher input = LOGSTASH_TCP_INPUT.matcher(YamlFiles.read(pipeline));
                    while (input.find()) {
                        tcpInputs.add(Integer.parseInt(input.group(1)));
                    }
                }
            }
            if (!tcpInputs.contains(address.get().port())) {
                problems.add(app.where() + " ships logs to port " + address.get().port() + ", but " + logstash
                        + "'s pipeline reads json_lines over TCP on " + tcpInputs);
            }
        }
        Problems.assertNone(problems);
        assertThat(containers).allSatisfy(app -> assertThat(
                app.values().getOrDefault("PARCELTRACK_LOGGING_LOGSTASH_DESTINATION", "")).as("without ELK").isEmpty());
    }

    @Override
    protected List<AppContainer> containers() {
        return containers;
    }

    private String serviceOf(AppContainer container) {
        return container.where().substring(container.where().lastIndexOf(' ') + 1);
    }

    private List<String> servicesWithImage(String prefix) {
        return compose.services().keySet().stream().filter(service -> compose.image(service).startsWith(prefix)).toList();
    }

    /** POSTGRES_DB and every database the server's init scripts create. */
    private Set<String> databasesOf(String server) {
        Set<String> databases = new HashSet<>();
        databases.add(EnvValue.values(compose.environment(server)).getOrDefault("POSTGRES_DB", ""));
        compose.initScripts(server).forEach(script -> databases.addAll(Databases.createdBy(YamlFiles.read(script))));
        return databases;
    }

    private static List<Path> listFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
