package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parceltrack.grpc.ClientChannels;
import io.parceltrack.grpc.GrpcClientSettings;
import io.parceltrack.grpc.GrpcServerOptions;
import io.parceltrack.grpc.TransportSecurity;
import io.parceltrack.grpc.tls.ClusterCertificates;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.proto.account.ManagerGrpc;
import io.parceltrack.proto.account.TelegramIdRequest;
import io.parceltrack.proto.account.UserGrpc;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The story on the production layout: the six apps as separate OS processes of the jar, each with
 * its own environment, on real PostgreSQL (fresh accounts, parcels and bots databases, migrated by
 * the apps as they start), a real Kafka broker, and the Telegram emulator as a process of its own
 * ({@code telegram-emulator}; the bots run without tokens against it). The services find each
 * other over gRPC with mutual TLS (certificates from {@link ClusterTls}); events travel
 * outbox → Kafka → notification-service → Kafka → user-bot.
 * Logs: {@code apps/target/e2e-logs/ParcelDeliveryAcrossProcessesIT/<app>.log}.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class ParcelDeliveryAcrossProcessesIT extends ParcelDeliveryStory {
    /** Six processes share the test server; small pools keep them well within its connections. */
    private static final String POOL_SIZE = "3";
    /** The processes a checkpoint posted through the API passes through on its way to the recipient. */
    private static final List<String> CHECKPOINT_PATH =
            List.of("parcels-manager-service", "account-service", "notification-service", "user-bot");

    private URI emulator;
    private final List<TemporaryDatabase> databases = new ArrayList<>();
    private final List<AppProcess> processes = new ArrayList<>();
    private URI trackingPageRoot;
    private int accountGrpcPort;

    @BeforeAll
    void startTheSixApps(KafkaTestBroker broker) {
        try {
            String accountsDb = database().jdbcUrl();
            String parcelsDb = database().jdbcUrl();
            String botsDb = database().jdbcUrl();
            int[] ports = FreePorts.take(10);
            int accountGrpc = ports[0];
            accountGrpcPort = accountGrpc;
            int parcelsManagerGrpc = ports[1];
            int parcelsUserGrpc = ports[2];
            int restApi = ports[3];
            int accountHealth = ports[4];
            int trackingPage = ports[5];
            int notificationHealth = ports[6];
            int userBotHealth = ports[7];
            int managerBotHealth = ports[8];
            int emulatorPort = ports[9];
            emulator = URI.create("http://127.0.0.1:" + emulatorPort);

            // What every process may know: where the others are, like a shared ConfigMap.
            Map<String, String> shared = Map.of(
                    "PARCELTRACK_LOGGING_FORMAT", "plain",
                    "PARCELTRACK_GRPC_ACCOUNT_ADDRESS", "127.0.0.1:" + accountGrpc,
                    "PARCELTRACK_GRPC_PARCELS_MANAGER_ADDRESS", "127.0.0.1:" + parcelsManagerGrpc,
                    "PARCELTRACK_GRPC_PARCELS_USER_ADDRESS", "127.0.0.1:" + parcelsUserGrpc,
                    "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "PARCELTRACK_TELEGRAM_API_URL", emulator.toString(),
                    "PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", USER_BOT,
                    "PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME", MANAGER_BOT,
                    "PARCELTRACK_HTTP_PUBLIC_URL", "http://127.0.0.1:" + restApi);

            ParcelTrackJar jar = ParcelTrackJar.built();
            Path logs = jar.logDirectory(getClass().getSimpleName());
            // The bots' Bot API first, as Telegram is always there: it registers both bots under the
            // tokens bots without a token of their own use with it.
            Map<String, String> emulatorSettings = new HashMap<>(shared);
            emulatorSettings.put("PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(emulatorPort));
            AppProcess telegram = jar.start("telegram-emulator", emulatorSettings, emulator.resolve("/control/bots"),
                    logs.resolve("telegram-emulator.log"));
            processes.add(telegram);
            telegram.awaitReady(READY_TIMEOUT);
            // Started together: their JVMs boot in parallel, and each waits for what it needs.
            start(jar, logs, "account-service", accountHealth, shared, Map.of(
                    "PARCELTRACK_DB_ACCOUNTS_URL", accountsDb,
                    "PARCELTRACK_DB_ACCOUNTS_POOL_SIZE", POOL_SIZE,
                    "PARCELTRACK_GRPC_ACCOUNT_PORT", String.valueOf(accountGrpc)));
            start(jar, logs, "parcels-manager-service", restApi, shared, Map.of(
                    "PARCELTRACK_DB_PARCELS_URL", parcelsDb,
                    "PARCELTRACK_DB_PARCELS_POOL_SIZE", POOL_SIZE,
                    "PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(parcelsManagerGrpc),
                    "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                    "PARCELTRACK_HTTP_PORT", String.valueOf(restApi),
                    "PARCELTRACK_KAFKA_INSTANCE_ID", "parcels-manager-1",
                    // Every request checks its token with account-service, so that each one crosses it.
                    "PARCELTRACK_HTTP_TOKEN_CACHE_TTL", "1ms"));
            start(jar, logs, "parcels-user-service", trackingPage, shared, Map.of(
                    "PARCELTRACK_DB_PARCELS_URL", parcelsDb,
                    "PARCELTRACK_DB_PARCELS_POOL_SIZE", POOL_SIZE,
                    "PARCELTRACK_GRPC_PARCELS_USER_PORT", String.valueOf(parcelsUserGrpc),
                    "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                    "PARCELTRACK_HTTP_PORT", String.valueOf(trackingPage)));
            trackingPageRoot = URI.create("http://127.0.0.1:" + trackingPage);
            start(jar, logs, "notification-service", notificationHealth, shared, Map.of(
                    "PARCELTRACK_DB_PARCELS_URL", parcelsDb,
                    "PARCELTRACK_DB_PARCELS_POOL_SIZE", POOL_SIZE,
                    "PARCELTRACK_KAFKA_INSTANCE_ID", "notification-1"));
            start(jar, logs, "user-bot", userBotHealth, shared, Map.of(
                    "PARCELTRACK_DB_BOTS_URL", botsDb,
                    "PARCELTRACK_DB_BOTS_POOL_SIZE", POOL_SIZE,
                    "PARCELTRACK_KAFKA_INSTANCE_ID", "user-bot-1"));
            start(jar, logs, "manager-bot", managerBotHealth, shared, Map.of(
                    "PARCELTRACK_DB_BOTS_URL", botsDb,
                    "PARCELTRACK_DB_BOTS_POOL_SIZE", POOL_SIZE));
            processes.forEach(process -> process.awaitReady(READY_TIMEOUT));
        } catch (RuntimeException | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    void stopEverything() {
        try {
            killWhatStillRuns();
        } finally {
            databases.forEach(TemporaryDatabase::close);
            databases.clear();
        }
    }

    /** The binders' metrics docs/OPERATIONS.md names, exported where they belong: pools, Kafka clients, gRPC. */
    @Test
    @Order(3)
    void eachProcessExportsThePoolKafkaAndGrpcMetricsItsWorkNeeds() {
        SoftAssertions softly = new SoftAssertions();
        for (AppProcess process : apps()) {
            ScrapedMetrics metrics = ScrapedMetrics.of(http, process);
            softly.assertThat(metrics.exports("hikaricp_connections_active")).as(process.command() + " pool").isTrue();
            softly.assertThat(metrics.exports("parceltrack_http_server_requests_seconds_count"))
                    .as(process.command() + " HTTP requests").isTrue();
            boolean consumes = List.of("notification-service", "user-bot").contains(process.command());
            softly.assertThat(metrics.exports("kafka_consumer_fetch_manager_records_lag_max"))
                    .as(process.command() + " consumer lag").isEqualTo(consumes);
        }
        softly.assertThat(ScrapedMetrics.of(http, process("account-service")).sum("parceltrack_grpc_server_calls_seconds_count",
                "code=\"OK\"")).as("account-service answered gRPC calls").isPositive();
        softly.assertThat(ScrapedMetrics.of(http, process("user-bot")).sum("parceltrack_grpc_client_calls_seconds_count",
                "service=\"parceltrack.account.User\"")).as("user-bot called the account service").isPositive();
        softly.assertThat(ScrapedMetrics.of(http, process("user-bot")).sum("parceltrack_telegram_requests_seconds_count",
                "bot=\"user-bot\"", "outcome=\"ok\"")).as("user-bot's Bot API requests").isPositive();
        softly.assertAll();
    }

    private AppProcess process(String command) {
        return processes.stream().filter(process -> process.command().equals(command)).findFirst().orElseThrow();
    }

    @Test
    @Order(50) // before the story stops the processes
    void theGrpcPortsOfTheFleetAdmitOnlyClusterAppsAndEachOnlyToItsOwnCalls() {
        TelegramIdRequest anyone = TelegramIdRequest.newBuilder().setTelegramId(987_654_321).build();
        ManagedChannel plaintext = ClientChannels.open("127.0.0.1:" + accountGrpcPort, GrpcClientSettings.defaults(),
                TransportSecurity.plaintext(), GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES);
        Path certs = ClusterTls.directory();
        ManagedChannel asUserBot = ClientChannels.open("127.0.0.1:" + accountGrpcPort, GrpcClientSettings.defaults(),
                TransportSecurity.mutualTls(ClusterCertificates.certificate(certs, "user-bot"),
                        ClusterCertificates.privateKey(certs, "user-bot"), certs.resolve(ClusterCertificates.CA_CERTIFICATE)),
                GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES);
        try {
            // The server is up and lets the user bot do what it needs...
            assertThat(UserGrpc.newBlockingStub(asUserBot).withDeadlineAfter(Duration.ofSeconds(10))
                    .isRegistered(anyone).getRegistered()).isFalse();
            // ...but no plaintext caller, and not the user bot where it has no business.
            assertThatThrownBy(() -> ManagerGrpc.newBlockingStub(plaintext).withDeadlineAfter(Duration.ofSeconds(10))
                            .rotateApiToken(anyone))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            assertThatThrownBy(() -> ManagerGrpc.newBlockingStub(asUserBot).withDeadlineAfter(Duration.ofSeconds(10))
                            .rotateApiToken(anyone))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        } finally {
            ClientChannels.close(plaintext, Duration.ofSeconds(5));
            ClientChannels.close(asUserBot, Duration.ofSeconds(5));
        }
    }

    @Override
    URI trackingPage() {
        return trackingPageRoot;
    }

    @Override
    URI emulator() {
        return emulator;
    }

    /**
     * The first checkpoint was posted within a known trace: each process it crossed, from the REST
     * API through the token check, the outbox, Kafka and the fan-out to the delivery in the user
     * bot, wrote log lines with that trace id.
     */
    @Test
    @Order(2)
    void theCheckpointsTraceIdIsInTheLogsOfEveryProcessItCrossed() {
        String traceId = checkpointTrace.traceId();
        for (String command : CHECKPOINT_PATH) {
            AppProcess process = processes.stream().filter(p -> p.command().equals(command)).findFirst().orElseThrow();
            assertThat(process.awaitLogLine(line -> line.contains("trace_id=" + traceId), Duration.ofSeconds(20)))
                    .as(command + " logs a line with trace_id=" + traceId + "; " + process.describeLog())
                    .isTrue();
        }
    }

    @Override
    List<AppProcess> processes() {
        return processes;
    }

    private TemporaryDatabase database() {
        TemporaryDatabase database = TemporaryDatabase.create();
        databases.add(database);
        return database;
    }

    /** Starts one app; {@code port} serves its /health/ready (the HTTP port of the two parcel services). */
    private void start(ParcelTrackJar jar, Path logs, String command, int port, Map<String, String> shared,
            Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.putAll(own);
        if (!command.equals("parcels-manager-service") && !command.equals("parcels-user-service")) {
            settings.put("PARCELTRACK_HEALTH_PORT", String.valueOf(port));
        }
        processes.add(jar.start(command, settings, URI.create("http://127.0.0.1:" + port + "/health/ready"),
                logs.resolve(command + ".log")));
    }
}
