package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: beyond {@code maxConcurrentRequests} requests in progress, the server answers at
 * once 503 with {@code Retry-After} rather than letting clients wait until they time out, keeps the
 * health probes answering, and serves normally again as soon as the flood is over.
 */
class OverloadIT {
    private static final int LIMIT = 4;

    private final Semaphore slowWork = new Semaphore(0);
    private final CountDownLatch started = new CountDownLatch(LIMIT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aFloodBeyondTheLimitGetsFast503sAndTheServerRecovers() throws Exception {
        RouteGroup slow = routes -> routes.get("/slow", ctx -> {
            started.countDown();
            if (!slowWork.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            ctx.result("done");
        });
        AppHttpServer server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0)
                .withMaxConcurrentRequests(LIMIT), Map.of("always", () -> true),
                List.of(slow, new MetricsEndpoint(() -> "parceltrack_up 1\n", "")));
        int port = server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                held.add(http.sendAsync(get(base, "/slow"), HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the first requests are being handled").isTrue();

            // The flood: 50 more while all permits are taken.
            long floodBegan = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                flood.add(http.sendAsync(get(base, "/slow"), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> refused : flood) {
                HttpResponse<String> answer = refused.get(10, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
                assertThat(answer.body()).contains("busy");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - floodBegan)).as("refusals come at once")
                    .isLessThan(Duration.ofSeconds(5));
            HttpResponse<String> health = http.send(get(base, "/health/live"), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("health probes pass even when busy").isEqualTo(200);
            HttpResponse<String> metrics = http.send(get(base, MetricsEndpoint.PATH), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("scrapes pass even when busy: monitoring sees the overload").isEqualTo(200);
            assertThat(metrics.body()).isEqualTo("parceltrack_up 1\n");
            HttpResponse<String> more = http.send(get(base, "/slow"), HttpResponse.BodyHandlers.ofString());
            assertThat(more.statusCode()).as("anything else is still refused").isEqualTo(503);

            slowWork.release(LIMIT);
            for (CompletableFuture<HttpResponse<String>> done : held) {
                assertThat(done.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            // Recovered: the permits came back, all of them.
            slowWork.release(LIMIT);
            List<CompletableFuture<HttpResponse<String>>> after = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                after.add(http.sendAsync(get(base, "/slow"), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : after) {
                assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            slowWork.release(100);
            server.stop();
        }
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build();
    }
}
