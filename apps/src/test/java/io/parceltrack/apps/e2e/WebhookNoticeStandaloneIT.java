package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook endpoint that keeps failing is disabled and its manager told in the manager bot, once,
 * in {@code java -jar parceltrack.jar standalone}: REST, the webhook sender, the notice and the bot's
 * screens as wired for real. The receiver answers 500 to everything; disabling is set to 3 s.
 * Log: {@code apps/target/e2e-logs/WebhookNoticeStandaloneIT/standalone.log}.
 */
class WebhookNoticeStandaloneIT {
    private static final String MANAGER_BOT = "e2e_hooks_manager_bot";
    private static final String DEMO_API_TOKEN = "e2e-hooks-demo-token-0123456789";
    private static final long DEMO_MANAGER = 1_000_001L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer receiver;
    private AppProcess standalone;

    @AfterEach
    void stopEverything() {
        if (standalone != null) {
            standalone.kill();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFailingEndpointIsDisabledAndItsManagerToldOnceInTheBot() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receiver.start();
        int[] ports = FreePorts.take(6);
        String apiBase = "http://127.0.0.1:" + ports[0] + "/api/v1";
        ParcelTrackJar jar = ParcelTrackJar.built();
        Path logs = jar.logDirectory(getClass().getSimpleName());
        standalone = jar.start("standalone", Map.ofEntries(
                        Map.entry("PARCELTRACK_LOGGING_FORMAT", "plain"),
                        Map.entry("PARCELTRACK_HTTP_HOST", "127.0.0.1"),
                        Map.entry("PARCELTRACK_HTTP_PORT", String.valueOf(ports[0])),
                        Map.entry("PARCELTRACK_HTTP_PUBLIC_URL", "http://127.0.0.1:" + ports[0]),
                        Map.entry("PARCELTRACK_HEALTH_PORT", String.valueOf(ports[2])),
                        Map.entry("PARCELTRACK_GRPC_ACCOUNT_PORT", String.valueOf(ports[3])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_MANAGER_PORT", String.valueOf(ports[4])),
                        Map.entry("PARCELTRACK_GRPC_PARCELS_USER_PORT", String.valueOf(ports[5])),
                        Map.entry("PARCELTRACK_TELEGRAM_EMULATOR_PORT", String.valueOf(ports[1])),
                        Map.entry("PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME", MANAGER_BOT),
                        Map.entry("PARCELTRACK_DEMO_API_TOKEN", DEMO_API_TOKEN),
                        Map.entry("PARCELTRACK_WEBHOOKS_ALLOW_PLAIN_HTTP", "true"),
                        Map.entry("PARCELTRACK_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"),
                        Map.entry("PARCELTRACK_WEBHOOKS_FIRST_RETRY", "1s"),
                        Map.entry("PARCELTRACK_WEBHOOKS_MAX_RETRY_DELAY", "1s"),
                        Map.entry("PARCELTRACK_WEBHOOKS_DISABLE_AFTER", "3s"),
                        // Standalone must not wait for the poll: the sender wakes the bot's notices.
                        Map.entry("PARCELTRACK_WEBHOOKS_NOTICE_POLL_INTERVAL", "1h")),
                URI.create("http://127.0.0.1:" + ports[0] + "/health/ready"), logs.resolve("standalone.log"));
        standalone.awaitReady(Duration.ofMinutes(3));
        BotChat manager = new BotChat(http, json, URI.create("http://127.0.0.1:" + ports[1]), MANAGER_BOT,
                DEMO_MANAGER, "Demo", "en", TIMEOUT);
        manager.says("/start", "Welcome back");
        assertThat(manager.presses("Webhooks", "You have no webhook endpoints")).contains(apiBase + "/webhooks");

        JsonNode endpoint = call("POST", apiBase + "/webhooks", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook?key=private\",\"events\":[\"parcel.deleted\"]}");
        String id = endpoint.path("id").asText();
        long before = manager.lastEventSequence();
        call("POST", apiBase + "/webhooks/" + id + "/test", null);

        String notice = manager.awaitsMessage(before, "Your webhook was disabled", TIMEOUT);
        assertThat(notice).contains("127.0.0.1:" + receiver.getAddress().getPort() + "/hook?…")
                .contains("answered 500").doesNotContain("private");
        assertThat(received.get()).isGreaterThanOrEqualTo(2);
        assertThat(call("GET", apiBase + "/webhooks/" + id, null).path("status").asText()).isEqualTo("disabled");
        assertThat(manager.presses("Webhooks", "State: ⛔ disabled on")).contains("Webhook " + id)
                .contains("answered 500").contains("webhook.test");
        Thread.sleep(2_000);
        assertThat(manager.botMessages()).filteredOn(text -> text.contains("Your webhook was disabled")).hasSize(1);
    }

    private JsonNode call(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + DEMO_API_TOKEN)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }
}
