package io.parceltrack.apps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.rest.AppHttpServer;
import io.parceltrack.rest.HttpServerSettings;
import io.parceltrack.rest.MetricsEndpoint;
import io.parceltrack.rest.RouteGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real server: the text format, route templates as labels, the bearer token. */
class MetricsEndpointTest {
    private static final String TOKEN = "scrape-token-0123456789";

    private final HttpClient client = HttpClient.newHttpClient();
    private final AppMetrics metrics = new AppMetrics("test-app");
    private AppHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        metrics.close();
    }

    private void start(String token) {
        RouteGroup hello = routes -> routes.get("/hello/{name}", ctx -> ctx.result("hi"));
        server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0),
                Map.of("always", () -> true), List.of(hello, new MetricsEndpoint(metrics::scrape, token)),
                new HttpMetrics(metrics.registry()));
        server.start();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsRequestsByRouteTemplateNeverByRawPath() throws Exception {
        start("");
        get("/hello/alice", null);
        get("/hello/bob", null);
        get("/nowhere/secret-token-in-path", null);

        HttpResponse<String> scrape = get(MetricsEndpoint.PATH, null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body())
                .contains("parceltrack_http_server_requests_seconds_count{app=\"test-app\",method=\"GET\",route=\"/hello/{name}\",status=\"200\"} 2")
                .contains("route=\"(unmatched)\",status=\"404\"} 1")
                .contains("parceltrack_http_server_requests_seconds_bucket{app=\"test-app\",method=\"GET\",route=\"/hello/{name}\",status=\"200\",le=\"0.005\"}")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds")
                .doesNotContain("alice")
                .doesNotContain("secret-token-in-path");
    }

    @Test
    void withATokenAScrapeMustPresentIt() throws Exception {
        start(TOKEN);

        assertThat(get(MetricsEndpoint.PATH, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get(MetricsEndpoint.PATH, "Bearer scrape-token-0123456788");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(wrong.body()).doesNotContain(TOKEN);
        HttpResponse<String> right = get(MetricsEndpoint.PATH, "Bearer " + TOKEN);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("status=\"401\"");
    }

    @Test
    void countsRateLimitedRequestsByRoute() throws Exception {
        RouteGroup limited = routes -> routes.get("/busy", ctx -> ctx.status(429));
        server = new AppHttpServer(HttpServerSettings.defaults().withAddress("127.0.0.1", 0), Map.of(),
                List.of(limited, new MetricsEndpoint(metrics::scrape, "")), new HttpMetrics(metrics.registry()));
        server.start();
        get("/busy", null);
        get("/busy", null);

        assertThat(get(MetricsEndpoint.PATH, null).body())
                .contains("parceltrack_http_rate_limited_total{app=\"test-app\",route=\"/busy\"} 2");
    }
}
