package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.port.trace.TraceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The product's main story, told to a running system from the outside only — the bots through the
 * Telegram emulator's control API, the REST API over HTTP: a manager registers in the manager bot
 * and gets an API token; their own system creates a parcel with it; a recipient registers in the
 * user bot and subscribes to the parcel; the manager's system posts a checkpoint; the recipient's
 * chat receives one notification of it. Then every process is asked to stop with SIGTERM and must
 * end by itself.
 *
 * <p>A subclass starts the system (six processes, or standalone) before all tests and kills
 * whatever still runs after them. The tests run in order: the system is stopped last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ParcelDeliveryStory {
    static final String USER_BOT = "e2e_parcels_bot";
    static final String MANAGER_BOT = "e2e_parcels_manager_bot";
    /** How long starting JVMs may take to be ready on a busy two-core machine. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** How long a process may take to end by itself after SIGTERM. */
    static final Duration STOP_BOUND = Duration.ofSeconds(45);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(90);
    /** The JVM's exit code when SIGTERM ended it through its shutdown hooks (128 + 15). */
    private static final int EXIT_AFTER_SIGTERM = 143;
    private static final long MANAGER_CHAT = 310_001;
    private static final long RECIPIENT_CHAT = 420_002;
    private static final Pattern TOKEN_AND_URL =
            Pattern.compile("Authorization: Bearer (pt_[A-Za-z0-9_-]+)\" (\\S+)/parcels");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The trace the manager's system posts the first checkpoint within, so that its logs can be followed. */
    final TraceContext checkpointTrace = TraceContext.start();
    final ObjectMapper json = new ObjectMapper();

    /** The base URL of the Telegram emulator the bots talk to. */
    abstract URI emulator();

    /** Every process of the system under test. */
    abstract List<AppProcess> processes();

    /** The system's own apps: every process but the Telegram emulator standing in for Telegram. */
    final List<AppProcess> apps() {
        return processes().stream().filter(process -> !process.command().equals("telegram-emulator")).toList();
    }

    /** The root of the server that serves the public tracking page ({@code /track}). */
    abstract URI trackingPage();

    private FlowCounters beforeTheStory;

    @Test
    @Order(0)
    void everyProcessServesItsMetrics() {
        for (AppProcess process : apps()) {
            ScrapedMetrics metrics = ScrapedMetrics.of(http, process);
            assertThat(metrics.sum("jvm_memory_used_bytes", "app=\"" + process.command() + "\""))
                    .as(process.command() + " reports its JVM under its own name").isPositive();
        }
        beforeTheStory = FlowCounters.scrape(http, apps());
    }

    @Test
    @Order(1)
    void aCheckpointPostedThroughTheApiReachesTheSubscribedRecipientOnce() {
        BotChat manager = chat(MANAGER_BOT, MANAGER_CHAT, "Max");
        ParcelApiClient managersSystem = managerRegistersAndIssuesAnApiToken(manager);
        String trackNumber = managersSystem.createsParcel("Phone case", "Anna Smirnova", "Kazan, Baumana 1");
        BotChat recipient = chat(USER_BOT, RECIPIENT_CHAT, "Anna");
        recipientRegistersAndSubscribes(recipient, trackNumber);

        long beforeCheckpoint = recipient.lastEventSequence();
        assertThat(managersSystem.within(checkpointTrace.traceparent())
                .postsCheckpoint(trackNumber, "IN_TRANSIT", "Kazan sorting hub", "arrived")
                .path("parcel_status").asText()).isEqualTo("IN_TRANSIT");
        String notification = recipient.awaitsMessage(beforeCheckpoint, "🔔 Phone case · " + trackNumber,
                NOTIFICATION_TIMEOUT);

        assertThat(notification).contains("New status: on its way").contains("Kazan sorting hub").contains("arrived");
        // Deliveries to one person travel in order; once the next checkpoint's notification is in,
        // a duplicate of the first would have arrived before it.
        managersSystem.postsCheckpoint(trackNumber, "DELIVERED", "Front door", "handed over");
        recipient.awaitsMessage(beforeCheckpoint, "New status: delivered", NOTIFICATION_TIMEOUT);
        List<String> notifications = recipient.botMessages().stream().filter(text -> text.startsWith("🔔")).toList();
        assertThat(notifications).as("the notifications in the recipient's chat").hasSize(2);
        assertThat(notifications.get(0)).contains("on its way").contains(trackNumber);
        assertThat(notifications.get(1)).contains("delivered").contains(trackNumber);
        assertThat(managersSystem.parcel(trackNumber).path("parcel_status").asText()).isEqualTo("DELIVERED");
        strangerSeesOnTheTrackingPage(trackNumber);
    }

    /** The story posted two checkpoints to a parcel with one subscriber: every counter on the way moved by exactly that. */
    @Test
    @Order(2)
    void theMetricsCountedEveryCheckpointAndNotificationExactlyOnce() {
        assertThat(beforeTheStory).as("the counters before the story").isNotNull();
        FlowCounters expected = FlowCounters.expected(2, 1);
        // A counter moves just after the chat shows the message it counts: give the last one a moment.
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        FlowCounters moved = FlowCounters.scrape(http, apps()).since(beforeTheStory);
        while (!moved.equals(expected) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(200));
            moved = FlowCounters.scrape(http, apps()).since(beforeTheStory);
        }
        assertThat(moved).isEqualTo(expected);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void theManagerBotReadsTheManagersWebhooksFromTheParcelsService() {
        BotChat manager = chat(MANAGER_BOT, MANAGER_CHAT, "Max");
        manager.says("/menu", "What would you like to do?");

        assertThat(manager.presses("Webhooks", "You have no webhook endpoints")).contains("/webhooks");
    }

    /** Anyone with the number sees the status on the public page, and neither the recipient nor the address. */
    private void strangerSeesOnTheTrackingPage(String trackNumber) {
        HttpResponse<String> page = fetch(trackingPage().resolve("/track/" + trackNumber + "?lang=en"));
        HttpResponse<String> twin = fetch(trackingPage().resolve("/track/" + trackNumber + ".json"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Status: Delivered", "Phone case").doesNotContain("Anna Smirnova", "Baumana");
        assertThat(twin.statusCode()).isEqualTo(200);
        assertThat(twin.body()).contains("\"parcel_status\":\"DELIVERED\"", "Front door").doesNotContain("Anna Smirnova");
    }

    private HttpResponse<String> fetch(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(100)
    void everyProcessEndsByItselfOnSigterm() {
        List<AppProcess> processes = processes();
        // All at once, as when a deployment goes down.
        processes.forEach(AppProcess::terminate);
        SoftAssertions softly = new SoftAssertions();
        for (AppProcess process : processes) {
            OptionalInt exitCode = process.awaitExit(STOP_BOUND);
            softly.assertThat(exitCode).as(process.command() + " ends within " + STOP_BOUND + " of SIGTERM; "
                    + process.describeLog()).isPresent();
            if (exitCode.isPresent()) {
                softly.assertThat(exitCode.getAsInt()).as(process.command() + "'s exit code; " + process.describeLog())
                        .isIn(0, EXIT_AFTER_SIGTERM);
                softly.assertThat(process.logText().lines())
                        .as(process.command() + " logs that it stopped every component; " + process.describeLog())
                        .anyMatch(line -> line.contains("Lifecycle") && line.endsWith(" - " + process.command() + " stopped"));
            }
        }
        softly.assertAll();
    }

    /** Kills what still runs: the last resort, for a failed or interrupted run. */
    void killWhatStillRuns() {
        for (AppProcess process : processes()) {
            process.kill();
        }
    }

    private ParcelApiClient managerRegistersAndIssuesAnApiToken(BotChat manager) {
        manager.says("/start", "register");
        manager.presses("📝 Register", "full name");
        manager.says("Max Müller", "e-mail");
        manager.says("max@shop.example", "phone number");
        manager.presses("Skip", "company");
        manager.presses("Skip", "You are registered");
        manager.says("/menu", "What would you like to do?");
        manager.presses("🔑 API token", "no API token yet");
        String shown = manager.presses("🔑 Issue a token", "Your API token");
        // The manager follows the bot's own example: its token, and the API's URL.
        Matcher example = TOKEN_AND_URL.matcher(shown);
        assertThat(example.find()).as("a curl example with the token and the API URL in: " + shown).isTrue();
        return new ParcelApiClient(http, json, example.group(2), example.group(1));
    }

    private void recipientRegistersAndSubscribes(BotChat recipient, String trackNumber) {
        recipient.says("/start", "full name");
        recipient.says("Anna Smirnova", "e-mail");
        recipient.says("anna@example.com", "phone number");
        recipient.presses("Skip", "You are registered");
        assertThat(recipient.says(trackNumber.toLowerCase(), trackNumber)).contains("Phone case")
                .contains("waiting to be shipped");
        recipient.presses("🔔 Subscribe", "You are subscribed");
    }

    private BotChat chat(String bot, long chatId, String firstName) {
        return new BotChat(http, json, emulator(), bot, chatId, firstName, "en", ANSWER_TIMEOUT);
    }
}
