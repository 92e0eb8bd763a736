package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.service.AccountService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19 from the outside, as it was found: parcels-manager-service (a process of the jar, on
 * PostgreSQL) is killed with SIGKILL 10–60 ms after a keyed {@code POST /api/v1/checkpoints} was
 * sent, 8 times, and restarted at once; the client retries each request with the same key, as
 * docs/API.md tells it to. Every request must complete exactly once and no key may stay stuck.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyedRequestsSurviveKillsIT {
    private static final int KILLS = 8;
    /** A killed request's key is free at once; a retry must not need more than a restart and this. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(20);
    private static final Duration READY = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<TemporaryDatabase> databases = new java.util.ArrayList<>();
    private ParcelTrackJar jar;
    private Path logs;
    private Map<String, String> managerSettings;
    private URI api;
    private AppProcess accountService;
    private AppProcess parcelsManager;
    private String token;

    @BeforeAll
    void startAccountsAndParcels(KafkaTestBroker broker) {
        jar = ParcelTrackJar.built();
        logs = jar.logDirectory(getClass().getSimpleName());
        TemporaryDatabase accounts = database();
        TemporaryDatabase parcels = database();
        ParcelTrackJar.CommandResult migrated = jar.run("migrate", Map.of(
                "PARCELTRACK_DB_ACCOUNTS_URL", accounts.jdbcUrl(), "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl()),
                Duration.ofMinutes(2), logs);
        assertThat(migrated.exitCode()).as(migrated.stdout() + migrated.stderr()).isZero();
        int[] ports = FreePorts.take(4);
        accountService = jar.start("account-service", Map.of(
                        "PARCELTRACK_LOGGING_FORMAT", "plain",
                        "PARCELTRACK_DB_MIGRATE_ON_START", "false",
                        "PARCELTRACK_DB_ACCOUNTS_URL", accounts.jdbcUrl(),
                        "PARCELTRACK_DB_ACCOUNTS_POOL_SIZE", "2",
                        "PARCELTRACK_GRPC_ACCOUNT_PORT", Integer.toString(ports[0]),
                        "PARCELTRACK_HEALTH_PORT", Integer.toString(ports[1])),
                URI.create("http://127.0.0.1:" + ports[1] + "/health/ready"), logs.resolve("account-service.log"));
        api = URI.create("http://127.0.0.1:" + ports[2]);
        managerSettings = new HashMap<>(Map.of(
                "PARCELTRACK_LOGGING_FORMAT", "plain",
                "PARCELTRACK_DB_MIGRATE_ON_START", "false",
                "PARCELTRACK_DB_PARCELS_URL", parcels.jdbcUrl(),
                "PARCELTRACK_DB_PARCELS_POOL_SIZE", "3",
                "PARCELTRACK_GRPC_ACCOUNT_ADDRESS", "127.0.0.1:" + ports[0],
                "PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", Integer.toString(ports[3]),
                "PARCELTRACK_HTTP_HOST", "127.0.0.1",
                "PARCELTRACK_HTTP_PORT", Integer.toString(ports[2]),
                "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        managerSettings.put("PARCELTRACK_KAFKA_INSTANCE_ID", "kill-test-parcels-manager");
        parcelsManager = startParcelsManager(0);
        accountService.awaitReady(READY);
        parcelsManager.awaitReady(READY);
        token = issueToken(accounts);
    }

    @AfterAll
    void stopEverything() {
        for (AppProcess process : new AppProcess[] {parcelsManager, accountService}) {
            if (process != null) {
                process.kill();
            }
        }
        databases.forEach(TemporaryDatabase::close);
    }

    @Test
    void everyKeyedCheckpointCompletesExactlyOnceThroughEightKills() throws Exception {
        String trackNumber = createParcel();
        Set<String> times = new HashSet<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            String key = UUID.randomUUID().toString();
            String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)).plusSeconds(kill).toString();
            times.add(time);
            String body = """
                    {"parcel_track_number":"%s","checkpoint_time":"%s","checkpoint_place":"Sorting centre",\
                    "checkpoint_description":"kill %d","checkpoint_parcel_status":"IN_TRANSIT"}""".formatted(trackNumber, time, kill);

            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(checkpoint(key, body), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 61));
            parcelsManager.kill();
            inFlight.handle((answer, failure) -> null).join();
            parcelsManager = startParcelsManager(kill);
            parcelsManager.awaitReady(READY);

            long retrying = System.nanoTime();
            HttpResponse<String> answer = retryUntilAnswered(key, body);
            assertThat(answer.statusCode()).as("retry %d: %s", kill, answer.body()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - retrying)).isLessThan(CONVERGENCE);
            HttpResponse<String> again = http.send(checkpoint(key, body), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }

        JsonNode checkpoints = json.readTree(http.send(HttpRequest.newBuilder(
                        api.resolve("/api/v1/parcels/" + trackNumber + "/checkpoints?page=1&page_size=100"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        Set<String> recorded = new HashSet<>();
        checkpoints.forEach(checkpoint -> recorded.add(Instant.parse(checkpoint.get("checkpoint_time").asText()).toString()));
        assertThat(checkpoints).hasSize(KILLS);
        assertThat(recorded).isEqualTo(times);
    }

    /** Retries as a client following docs/API.md: on 409, 503 or a refused connection, again a moment later. */
    private HttpResponse<String> retryUntilAnswered(String key, String body) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(checkpoint(key, body), HttpResponse.BodyHandlers.ofString());
                boolean retryLater = answer.statusCode() == 409 || answer.statusCode() == 503;
                if (!retryLater || System.nanoTime() > deadline) {
                    return answer;
                }
            } catch (IOException notListening) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("parcels-manager-service did not answer the retry", notListening);
                }
            }
            Thread.sleep(250);
        }
    }

    private HttpRequest checkpoint(String key, String body) {
        return HttpRequest.newBuilder(api.resolve("/api/v1/checkpoints"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String createParcel() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/parcels"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"parcel_name":"Phone case","parcel_recipient":"Anna Smirnova","parcel_arrival_address":"Kazan, Bauman st. 1",\
                        "parcel_forecast_date":"%s","parcel_description":"blue"}""".formatted(Instant.now().plus(Duration.ofDays(7)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("parcel_track_number").asText();
    }

    private AppProcess startParcelsManager(int life) {
        return jar.start("parcels-manager-service", managerSettings,
                api.resolve("/health/ready"), logs.resolve("parcels-manager-service-" + life + ".log"));
    }

    private static String issueToken(TemporaryDatabase accounts) {
        try (PostgresDatabase db = PostgresDatabase.open(accounts.settings())) {
            AccountStores stores = db.accountStores();
            AccountService service = new AccountService(stores.users(), stores.managers(), Clock.systemUTC(), new SecureRandom());
            TelegramId manager = TelegramId.of(4_200_001);
            service.registerManager(RegisterManagerCommand.parse(manager, "Kill Test", "kill@parceltrack.example", "", ""));
            return service.issueApiToken(manager).value();
        }
    }

    private TemporaryDatabase database() {
        TemporaryDatabase database = TemporaryDatabase.create();
        databases.add(database);
        return database;
    }
}
