package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code standalone --data-dir DIR} keeps what a small shop stores across a restart: the PostgreSQL
 * it runs in DIR holds parcels, accounts, subscriptions and conversations left half-way, and the
 * start-up summary says where the data lives. Logs: {@code apps/target/e2e-logs/StandaloneDataDirectoryIT/}.
 */
class StandaloneDataDirectoryIT {
    private static final String USER_BOT = "e2e_parcels_bot";
    private static final String MANAGER_BOT = "e2e_parcels_manager_bot";
    private static final String DEMO_API_TOKEN = "e2e-demo-token-0123456789";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final long RECIPIENT_CHAT = 520_003;
    private static final long MANAGER_CHAT = 530_004;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ParcelTrackJar jar = ParcelTrackJar.built();
    private final Path logs = jar.logDirectory(getClass().getSimpleName());
    private Path dataDirectory;
    private AppProcess running;

    @AfterEach
    void stopAndRemoveTheData() throws IOException {
        if (running != null) {
            running.kill();
        }
        if (dataDirectory != null && Files.exists(dataDirectory)) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void parcelsAccountsSubscriptionsAndHalfFinishedConversationsSurviveARestart() throws IOException {
        // Below the temporary directory, which every user may pass through: run as root, the
        // PostgreSQL inside runs as 'nobody' and must reach it (a checkout under /root would not do).
        dataDirectory = Files.createTempDirectory("parceltrack-standalone-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        Standalone first = start("first-run.log");
        assertThat(startUpSummary()).contains("data: " + dataDirectory + " (PostgreSQL 17.");
        String trackNumber = first.api().createsParcel("Phone case", "Anna Smirnova", "Kazan, Baumana 1");
        BotChat recipient = first.chat(USER_BOT, RECIPIENT_CHAT, "Anna");
        recipient.says("/start", "full name");
        recipient.says("Anna Smirnova", "e-mail");
        recipient.says("anna@example.com", "phone number");
        recipient.presses("Skip", "You are registered");
        recipient.says(trackNumber, "Phone case");
        recipient.presses("🔔 Subscribe", "You are subscribed");
        BotChat manager = first.chat(MANAGER_BOT, MANAGER_CHAT, "Max");
        manager.says("/start", "register");
        manager.presses("📝 Register", "full name");
        manager.says("Max Müller", "e-mail");
        stop();

        Standalone second = start("second-run.log");

        assertThat(second.api().parcel(trackNumber).path("parcel_name").asText()).isEqualTo("Phone case");
        BotChat recipientAgain = second.chat(USER_BOT, RECIPIENT_CHAT, "Anna");
        recipientAgain.says("/menu", "What would you like to do?");
        assertThat(recipientAgain.says(trackNumber, "Phone case")).contains("You are subscribed");
        BotChat managerAgain = second.chat(MANAGER_BOT, MANAGER_CHAT, "Max");
        // The registration goes on where it stopped: the e-mail was the next question.
        managerAgain.says("max@shop.example", "phone number");
        stop();
    }

    private record Standalone(ParcelApiClient api, URI emulator, StandaloneDataDirectoryIT test) {
        BotChat chat(String bot, long chatId, String firstName) {
            return new BotChat(test.http, test.json, emulator, bot, chatId, firstName, "en", ANSWER_TIMEOUT);
        }
    }

    private Standalone start(String logName) {
        int[] ports = FreePorts.take(6);
        int restApi = ports[0];
        running = jar.start("standalone --data-dir " + dataDirectory, Map.ofEntries(
                        Map.entry("PARCELTRACK_LOGGING_FORMAT", "plain"),
                        Map.entry("PARCELTRACK_HTTP_HOST", "127.0.0.1"),
                        Map.entry("PARCELTRACK_HTTP_PORT", String.valueOf(restApi)),
                        Map.entry("PARCELTRACK_HEALTH_PORT", String.valueOf(ports[1])),
                        Map.entry("PARCELTRACK_GRPC_ACCOUNT_PORT", String.valueOf(ports[2])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(ports[3])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_USER_PORT", String.valueOf(ports[4])),
                        Map.entry("PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(ports[5])),
                        Map.entry("PARCELTRACK_TELEGRAM_USER_BOT_USERNAME", USER_BOT),
                        Map.entry("PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME", MANAGER_BOT),
                        Map.entry("PARCELTRACK_DEMO_API_TOKEN", DEMO_API_TOKEN)),
                URI.create("http://127.0.0.1:" + restApi + "/health/ready"), logs.resolve(logName));
        running.awaitReady(READY_TIMEOUT);
        return new Standalone(new ParcelApiClient(http, json, "http://127.0.0.1:" + restApi + "/api/v1", DEMO_API_TOKEN),
                URI.create("http://127.0.0.1:" + ports[5]), this);
    }

    /** The lines standalone prints once it runs; readiness may answer a moment before they are out. */
    private String startUpSummary() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!running.logText().contains("standalone is running:") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String log = running.logText();
        return log.substring(Math.max(0, log.indexOf("standalone is running:")));
    }

    private void stop() {
        running.terminate();
        assertThat(running.awaitExit(Duration.ofSeconds(45))).as(running.describeLog()).isPresent();
        running = null;
    }
}
