package io.parceltrack.bench.fleet;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.service.AccountService;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The production layout on this machine: the six apps as processes of the jar, on fresh accounts,
 * parcels and bots databases, a real Kafka broker (the adapters-kafka test broker, a child JVM) and
 * the Telegram emulator in this JVM. Built for load: the REST rate limit is lifted, the manager's
 * token and the parcels under load are written straight into the databases.
 */
final class Fleet implements AutoCloseable {
    static final String USER_BOT = "bench_parcels_bot";
    private static final String USER_BOT_TOKEN = "5100000001:bench-user-bot";
    private static final String MANAGER_BOT_TOKEN = "5100000002:bench-manager-bot";
    private static final long MANAGER_ID = 7_000_001L;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final TelegramEmulator emulator = new TelegramEmulator();
    private final List<TemporaryDatabase> databases = new ArrayList<>();
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();
    private KafkaTestBroker broker;
    private TemporaryDatabase accounts;
    private Path certificates;
    private TemporaryDatabase parcels;
    private InetSocketAddress restApi;

    /** Starts everything; {@code jvmOptions} are given to each app's JVM, {@code brokerJvmOptions} (if any) to the broker's. */
    static Fleet start(Path jar, List<String> jvmOptions, List<String> brokerJvmOptions, Map<String, String> appSettings,
            Path logs, int managerPoolSize)
            throws InterruptedException {
        Fleet fleet = new Fleet();
        try {
            fleet.launch(jar, jvmOptions, brokerJvmOptions, appSettings, logs, managerPoolSize);
            return fleet;
        } catch (RuntimeException | InterruptedException e) {
            fleet.close();
            throw e;
        }
    }

    private void launch(Path jar, List<String> jvmOptions, List<String> brokerJvmOptions, Map<String, String> appSettings,
            Path logs, int managerPoolSize)
            throws InterruptedException {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator.registerBot(USER_BOT_TOKEN, USER_BOT);
        emulator.registerBot(MANAGER_BOT_TOKEN, "bench_parcels_manager_bot");
        emulator.start(0);
        // The test broker's own JVM options are tuned for quick starts (no optimising compiler),
        // which makes Kafka's CPU per message look dearer than in production; --broker-jvm-options changes them.
        broker = brokerJvmOptions.isEmpty() ? KafkaTestBroker.startNew() : KafkaTestBroker.startNew(brokerJvmOptions);
        accounts = database();
        parcels = database();
        TemporaryDatabase bots = database();
        // Migrated first by the jar's own migrate command: apps sharing a database would otherwise
        // race to create its schema, and the schema is the one of the code under test.
        runJarCommand(jar, logs, "migrate", List.of(), Map.of("PARCELTRACK_DB_ACCOUNTS_URL", accounts.jdbcUrl(),
                "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl(), "PARCELTRACK_DB_BOTS_URL", bots.jdbcUrl()));
        // Mutual TLS on every gRPC link, as in production: a cluster CA and a certificate per app from the jar's certs command.
        certificates = logs.resolveSibling("certs");
        deleteDirectory(certificates);
        runJarCommand(jar, logs, "certs", List.of(certificates.toString()), Map.of());
        int[] ports = freePorts(9);
        restApi = new InetSocketAddress("127.0.0.1", ports[3]);
        Map<String, String> shared = new HashMap<>(Map.of(
                "PARCELTRACK_GRPC_ACCOUNT_ADDRESS", "127.0.0.1:" + ports[0],
                "PARCELTRACK_GRPC_PARCELS_MANAGER_ADDRESS", "127.0.0.1:" + ports[1],
                "PARCELTRACK_GRPC_PARCELS_USER_ADDRESS", "127.0.0.1:" + ports[2],
                "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "PARCELTRACK_TELEGRAM_API_URL", emulator.baseUrl(),
                "PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", USER_BOT,
                "PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME", "bench_parcels_manager_bot",
                "PARCELTRACK_HTTP_RATE_LIMIT_PER_SECOND", "100000",
                "PARCELTRACK_HTTP_RATE_LIMIT_BURST", "1000000",
                // As in a deployment: the migrate command ran once, before the services.
                "PARCELTRACK_DB_MIGRATE_ON_START", "false"));
        // What --app-settings asks for (an experiment with a setting), over the harness's own.
        shared.putAll(appSettings);
        start(jar, jvmOptions, logs, "account-service", ports[4], shared, Map.of(
                "PARCELTRACK_DB_ACCOUNTS_URL", accounts.jdbcUrl(),
                "PARCELTRACK_DB_ACCOUNTS_POOL_SIZE", "4",
                "PARCELTRACK_GRPC_ACCOUNT_PORT", Integer.toString(ports[0])));
        start(jar, jvmOptions, logs, "parcels-manager-service", ports[3], shared, Map.of(
                "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl(),
                "PARCELTRACK_DB_PARCELS_POOL_SIZE", Integer.toString(managerPoolSize),
                "PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", Integer.toString(ports[1]),
                "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                "PARCELTRACK_HTTP_PORT", Integer.toString(ports[3]),
                "PARCELTRACK_KAFKA_INSTANCE_ID", "bench-parcels-manager-1"));
        start(jar, jvmOptions, logs, "parcels-user-service", ports[5], shared, Map.of(
                "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl(),
                "PARCELTRACK_DB_PARCELS_POOL_SIZE", "3",
                "PARCELTRACK_GRPC_PARCELS_USER_PORT", Integer.toString(ports[2]),
                "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                "PARCELTRACK_HTTP_PORT", Integer.toString(ports[5])));
        start(jar, jvmOptions, logs, "notification-service", ports[6], shared, Map.of(
                "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl(),
                "PARCELTRACK_DB_PARCELS_POOL_SIZE", "3",
                "PARCELTRACK_KAFKA_INSTANCE_ID", "bench-notification-1"));
        start(jar, jvmOptions, logs, "user-bot", ports[7], shared, Map.of(
                "PARCELTRACK_DB_BOTS_URL", bots.jdbcUrl(),
                "PARCELTRACK_DB_BOTS_POOL_SIZE", "3",
                "PARCELTRACK_TELEGRAM_USER_BOT_TOKEN", USER_BOT_TOKEN,
                "PARCELTRACK_KAFKA_INSTANCE_ID", "bench-user-bot-1"));
        start(jar, jvmOptions, logs, "manager-bot", ports[8], shared, Map.of(
                "PARCELTRACK_DB_BOTS_URL", bots.jdbcUrl(),
                "PARCELTRACK_DB_BOTS_POOL_SIZE", "2",
                "PARCELTRACK_TELEGRAM_MANAGER_BOT_TOKEN", MANAGER_BOT_TOKEN));
        for (AppProcess app : apps.values()) {
            app.awaitReady(READY_TIMEOUT);
        }
    }

    private void start(Path jar, List<String> jvmOptions, Path logs, String command, int port,
            Map<String, String> shared, Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.putAll(own);
        settings.put("PARCELTRACK_GRPC_TLS_TRUSTED_CA", certificates.resolve("ca.crt").toString());
        settings.put("PARCELTRACK_GRPC_TLS_CERTIFICATE", certificates.resolve(command + ".crt").toString());
        settings.put("PARCELTRACK_GRPC_TLS_PRIVATE_KEY", certificates.resolve(command + ".key").toString());
        // The apps with a public HTTP port (REST API, tracking page) answer health checks on it.
        if (!own.containsKey("PARCELTRACK_HTTP_PORT")) {
            settings.put("PARCELTRACK_HEALTH_PORT", Integer.toString(port));
        }
        apps.put(command, AppProcess.start(jar, jvmOptions, command, settings,
                URI.create("http://127.0.0.1:" + port + "/health/ready"), logs.resolve(command + ".log")));
    }

    /** Runs one of the jar's one-off commands (migrate, certs) to its end, its output in {@code <command>.log}. */
    private static void runJarCommand(Path jar, Path logs, String command, List<String> arguments,
            Map<String, String> databases) throws InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), command));
        line.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(logs.resolve(command + ".log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PARCELTRACK_"));
        builder.environment().putAll(databases);
        try {
            Process process = builder.start();
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the " + command + " command failed; see " + logs.resolve(command + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the " + command + " command", e);
        }
    }

    /** Removes a directory of files (a former run's certificates) if it exists. */
    private static void deleteDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TemporaryDatabase database() {
        TemporaryDatabase database = TemporaryDatabase.create();
        databases.add(database);
        return database;
    }

    /** Registers the manager under load and gives them an API token, through the account service's code on its database. */
    String issueManagerToken() {
        try (PostgresDatabase db = PostgresDatabase.open(accounts.settings())) {
            AccountStores stores = db.accountStores();
            AccountService service = new AccountService(stores.users(), stores.managers(), Clock.systemUTC(), new SecureRandom());
            service.registerManager(RegisterManagerCommand.parse(new TelegramId(MANAGER_ID), "Bench Manager",
                    "bench@parceltrack.example", "", "ParcelTrack Bench"));
            ApiToken token = service.issueApiToken(new TelegramId(MANAGER_ID));
            return token.value();
        }
    }

    /** Runs SQL on the parcels database the services share. */
    void onParcels(String... statements) {
        try (Connection connection = DriverManager.getConnection(parcels.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the parcels database", e);
        }
    }

    /** {@code count} parcels of the manager, track numbers {@code prefix} + 9 digits from 1. */
    void addParcels(String prefix, int count) {
        onParcels("""
                INSERT INTO parcels (track_number, name, recipient, arrival_address, forecast_date, description,
                                     owner_telegram_id, status, created_at)
                SELECT '%s' || lpad(n::text, 9, '0'), 'Phone case', 'Anna Smirnova', 'Kazan, Bauman st. 1',
                       now() + interval '7 days', 'blue', %d, 'PENDING', now()
                FROM generate_series(1, %d) n
                """.formatted(prefix, MANAGER_ID, count), "VACUUM ANALYZE parcels");
    }

    /** Users {@code firstUser}.. subscribed to the parcel. */
    void subscribe(String trackNumber, long firstUser, int count) {
        onParcels("""
                INSERT INTO subscriptions (parcel_id, user_telegram_id)
                SELECT p.id, %d + n FROM parcels p, generate_series(0, %d) n WHERE p.track_number = '%s'
                """.formatted(firstUser, count - 1, trackNumber), "VACUUM ANALYZE subscriptions");
    }

    /** Rows in the outbox, i.e. events the relay has not published yet. */
    int outboxRows() {
        try (Connection connection = DriverManager.getConnection(parcels.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox", e);
        }
    }

    /** Waits until the relay, the fan-out and the user bot have handled everything sent so far. */
    Duration awaitCaughtUp(Duration timeout) throws Exception {
        return new Backlog(broker.bootstrapServers(), this::outboxRows)
                .awaitCaughtUp(timeout, "notification-service", "user-bot");
    }

    InetSocketAddress restApi() {
        return restApi;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    EmulatedBot userBot() {
        return emulator.bot(USER_BOT);
    }

    Map<String, AppProcess> apps() {
        return apps;
    }

    AppProcess app(String command) {
        return apps.get(command);
    }

    /** The broker's JVM, a child of this one. */
    long brokerPid() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains("kafka.Kafka")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(-1L);
    }

    Set<String> databaseNames() {
        return Set.of(accounts.name(), parcels.name());
    }

    /** Stops one app (SIGTERM), e.g. the user bot before a fan-out to subscribers who are not real chats. */
    void stop(String command) {
        AppProcess app = apps.remove(command);
        if (app != null) {
            app.close();
        }
    }

    @Override
    public void close() {
        List<AppProcess> running = new ArrayList<>(apps.values());
        apps.clear();
        running.forEach(AppProcess::close);
        if (broker != null) {
            broker.close();
        }
        emulator.stop();
        databases.forEach(TemporaryDatabase::close);
        databases.clear();
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a port we only reserved for a moment
                }
            }
        }
    }
}
