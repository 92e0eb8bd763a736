package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.wiring.ProtobufOutboxPayloads;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.service.AccountService;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The notification path on the production layout, for fault injection: account-service,
 * parcels-manager-service, notification-service and user-bot as processes of the jar, each with a
 * stable instance id, on fresh PostgreSQL databases, a Kafka broker of its own (so that it can be
 * killed) and the Telegram emulator in this JVM. The people are seeded straight into the stores:
 * the faults are about notifications, and registering 25 people through the bot would only slow
 * every run down.
 */
final class FaultSystem implements AutoCloseable {
    static final String USER_BOT = "fault_parcels_bot";
    private static final String USER_BOT_TOKEN = "5000000011:fault-user-bot";
    private static final Duration READY = Duration.ofMinutes(3);
    private static final TelegramId MANAGER = TelegramId.of(7_100_001);

    private final KafkaTestBroker broker;
    private final TelegramEmulator emulator = new TelegramEmulator();
    private final EmulatedBot userBot;
    private final Map<String, TemporaryDatabase> databases = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final ParcelTrackJar jar;
    private final Path logs;
    private final URI api;
    private final String token;

    /** One running (or stopped) process of a service: its settings survive a restart. */
    static final class Service {
        final String name;
        final String command;
        final Map<String, String> settings;
        final URI readiness;
        AppProcess process;
        int lives;

        Service(String name, String command, Map<String, String> settings, URI readiness) {
            this.name = name;
            this.command = command;
            this.settings = settings;
            this.readiness = readiness;
        }
    }

    FaultSystem(String name, int userBots, int notificationServices, int parcelsManagers) {
        broker = KafkaTestBroker.startNew();
        try {
            userBot = emulator.registerBot(USER_BOT_TOKEN, USER_BOT);
            emulator.start(0);
            jar = ParcelTrackJar.built();
            logs = jar.logDirectory(name);
            for (String role : List.of("accounts", "parcels", "bots")) {
                databases.put(role, TemporaryDatabase.create());
            }
            ParcelTrackJar.CommandResult migrated = jar.run("migrate", Map.of(
                    "PARCELTRACK_DB_ACCOUNTS_URL", databases.get("accounts").jdbcUrl(),
                    "PARCELTRACK_DB_PARCELS_URL", databases.get("parcels").jdbcUrl(),
                    "PARCELTRACK_DB_BOTS_URL", databases.get("bots").jdbcUrl()), Duration.ofMinutes(2), logs);
            assertThat(migrated.exitCode()).as(migrated.stdout() + migrated.stderr()).isZero();

            int[] ports = FreePorts.take(4 + 3 * parcelsManagers + notificationServices + userBots);
            int next = 0;
            int accountGrpc = ports[next++];
            int accountHealth = ports[next++];
            int parcelsUserGrpc = ports[next++];
            int parcelsUserHttp = ports[next++];
            Map<String, String> shared = Map.of(
                    "PARCELTRACK_LOGGING_FORMAT", "plain",
                    "PARCELTRACK_DB_MIGRATE_ON_START", "false",
                    "PARCELTRACK_GRPC_ACCOUNT_ADDRESS", "127.0.0.1:" + accountGrpc,
                    "PARCELTRACK_GRPC_PARCELS_USER_ADDRESS", "127.0.0.1:" + parcelsUserGrpc,
                    "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "PARCELTRACK_TELEGRAM_API_URL", emulator.baseUrl(),
                    "PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", USER_BOT);
            add("account-service", "account-service", accountHealth, true, shared, Map.of(
                    "PARCELTRACK_DB_ACCOUNTS_URL", databases.get("accounts").jdbcUrl(),
                    "PARCELTRACK_DB_ACCOUNTS_POOL_SIZE", "2",
                    "PARCELTRACK_GRPC_ACCOUNT_PORT", String.valueOf(accountGrpc)));
            URI firstApi = null;
            for (int i = 0; i < parcelsManagers; i++) {
                int http = ports[next++];
                int grpc = ports[next++];
                next++;
                firstApi = firstApi == null ? URI.create("http://127.0.0.1:" + http) : firstApi;
                add(instance("parcels-manager-service", i), "parcels-manager-service", http, false, shared, Map.of(
                        "PARCELTRACK_DB_PARCELS_URL", databases.get("parcels").jdbcUrl(),
                        "PARCELTRACK_DB_PARCELS_POOL_SIZE", "3",
                        "PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(grpc),
                        "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                        "PARCELTRACK_HTTP_PORT", String.valueOf(http),
                        "PARCELTRACK_KAFKA_INSTANCE_ID", instance("parcels-manager-service", i)));
            }
            api = firstApi;
            // The user bot is ready only while the parcels it shows can be read.
            add("parcels-user-service", "parcels-user-service", parcelsUserHttp, false, shared, Map.of(
                    "PARCELTRACK_DB_PARCELS_URL", databases.get("parcels").jdbcUrl(),
                    "PARCELTRACK_DB_PARCELS_POOL_SIZE", "2",
                    "PARCELTRACK_GRPC_PARCELS_USER_PORT", String.valueOf(parcelsUserGrpc),
                    "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                    "PARCELTRACK_HTTP_PORT", String.valueOf(parcelsUserHttp)));
            for (int i = 0; i < notificationServices; i++) {
                add(instance("notification-service", i), "notification-service", ports[next++], true, shared, Map.of(
                        "PARCELTRACK_DB_PARCELS_URL", databases.get("parcels").jdbcUrl(),
                        "PARCELTRACK_DB_PARCELS_POOL_SIZE", "3",
                        "PARCELTRACK_KAFKA_INSTANCE_ID", instance("notification-service", i)));
            }
            for (int i = 0; i < userBots; i++) {
                add(instance("user-bot", i), "user-bot", ports[next++], true, shared, Map.of(
                        "PARCELTRACK_DB_BOTS_URL", databases.get("bots").jdbcUrl(),
                        "PARCELTRACK_DB_BOTS_POOL_SIZE", "3",
                        "PARCELTRACK_TELEGRAM_USER_BOT_TOKEN", USER_BOT_TOKEN,
                        "PARCELTRACK_KAFKA_INSTANCE_ID", instance("user-bot", i)));
            }
            services.values().forEach(this::launch);
            services.values().forEach(service -> service.process.awaitReady(READY));
            token = issueToken();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    static String instance(String command, int index) {
        return command + "-" + index;
    }

    URI api() {
        return api;
    }

    String token() {
        return token;
    }

    EmulatedBot userBot() {
        return userBot;
    }

    TelegramEmulator emulator() {
        return emulator;
    }

    KafkaTestBroker broker() {
        return broker;
    }

    Service service(String name) {
        Service service = services.get(name);
        assertThat(service).as("a service named " + name).isNotNull();
        return service;
    }

    /** A person known to Telegram, subscribed to {@code parcels} (stored as the user bot would). */
    void subscribe(long chatId, List<String> trackNumbers) {
        userBot.introduce(chatId, "Person " + chatId, "en");
        try (PostgresDatabase db = PostgresDatabase.open(databases.get("parcels").settings())) {
            var subscriptions = db.parcelStores(new ProtobufOutboxPayloads()).subscriptions();
            for (String trackNumber : trackNumbers) {
                subscriptions.addSubscription(TelegramId.of(chatId), TrackNumber.parse(trackNumber));
            }
        }
    }

    /**
     * SIGKILL, then the same service again (same instance id, as a StatefulSet restarts a pod);
     * returns the instant of the restart.
     */
    Instant killAndRestart(String name) {
        Service service = service(name);
        service.process.kill();
        launch(service);
        return Instant.now();
    }

    void kill(String name) {
        service(name).process.kill();
    }

    /**
     * Starts one more instance of {@code command} next to instance 0, with its own ports and
     * instance id: it joins instance 0's consumer groups, which rebalances them. Returns its name.
     */
    String startAnother(String command) {
        Service first = service(instance(command, 0));
        int index = (int) services.keySet().stream().filter(name -> name.startsWith(command + "-")).count();
        String name = instance(command, index);
        Map<String, String> settings = new HashMap<>(first.settings);
        settings.put("PARCELTRACK_KAFKA_INSTANCE_ID", name);
        int[] ports = FreePorts.take(2);
        URI readiness;
        if (settings.containsKey("PARCELTRACK_HTTP_PORT")) {
            settings.put("PARCELTRACK_HTTP_PORT", String.valueOf(ports[0]));
            settings.put("PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(ports[1]));
        } else {
            settings.put("PARCELTRACK_HEALTH_PORT", String.valueOf(ports[0]));
        }
        readiness = URI.create("http://127.0.0.1:" + ports[0] + "/health/ready");
        Service another = new Service(name, command, settings, readiness);
        services.put(name, another);
        launch(another);
        return name;
    }

    /** SIGTERM, waits for the process to end by itself, then starts it again; returns the instant of the restart. */
    Instant terminateAndRestart(String name) {
        Service service = service(name);
        service.process.terminate();
        assertThat(service.process.awaitExit(ParcelDeliveryStory.STOP_BOUND))
                .as(name + " ends after SIGTERM; " + service.process.describeLog()).isPresent();
        launch(service);
        return Instant.now();
    }

    void awaitReady(String name) {
        service(name).process.awaitReady(READY);
    }

    /** Nobody may connect to the database of {@code role}, and every session of it ends. */
    void cutDatabase(String role) {
        String database = databases.get(role).name();
        adminExecute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    Instant restoreDatabase(String role) {
        adminExecute("ALTER DATABASE " + databases.get(role).name() + " ALLOW_CONNECTIONS true");
        return Instant.now();
    }

    /** Rows still waiting in the parcels database's outbox. */
    long outboxRows() {
        try (Connection connection = DriverManager.getConnection(databases.get("parcels").jdbcUrl(), "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox", e);
        }
    }

    /**
     * Records in the dead-letter topics, read as our consumers read (committed only). Counted, not
     * taken from end offsets: a transaction's commit marker takes an offset too.
     */
    long deadLetters() {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = broker.admin()) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(".dlt")) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the dead-letter topics", e);
        }
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records;
        }
    }

    Path logs() {
        return logs;
    }

    @Override
    public void close() {
        for (Service service : services.values()) {
            if (service.process != null) {
                service.process.kill();
            }
        }
        emulator.stop();
        broker.close();
        for (String role : databases.keySet()) {
            try {
                restoreDatabase(role);
            } catch (RuntimeException alreadyGone) {
                // dropped below either way
            }
        }
        databases.values().forEach(TemporaryDatabase::close);
    }

    private void add(String name, String command, int port, boolean healthPort, Map<String, String> shared,
            Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.putAll(own);
        if (healthPort) {
            settings.put("PARCELTRACK_HEALTH_PORT", String.valueOf(port));
        }
        services.put(name, new Service(name, command, settings,
                URI.create("http://127.0.0.1:" + port + "/health/ready")));
    }

    private void launch(Service service) {
        service.process = jar.start(service.command, service.settings, service.readiness,
                logs.resolve(service.name + "-" + service.lives++ + ".log"));
    }

    private String issueToken() {
        try (PostgresDatabase db = PostgresDatabase.open(databases.get("accounts").settings())) {
            AccountStores stores = db.accountStores();
            AccountService accounts = new AccountService(stores.users(), stores.managers(), Clock.systemUTC(), new SecureRandom());
            accounts.registerManager(RegisterManagerCommand.parse(MANAGER, "Fault Test", "faults@parceltrack.example", "", ""));
            return accounts.issueApiToken(MANAGER).value();
        }
    }

    private void adminExecute(String... statements) {
        String adminUrl = databases.get("parcels").jdbcUrl().replaceFirst("/parceltrack_test_[0-9a-f]+", "/postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + List.of(statements), e);
        }
    }

    /** The services started, in order. */
    List<String> serviceNames() {
        return new ArrayList<>(services.keySet());
    }
}
