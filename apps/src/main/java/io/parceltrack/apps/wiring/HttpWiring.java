package io.parceltrack.apps.wiring;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.metrics.HttpMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.rest.AppHttpServer;
import io.parceltrack.rest.HttpServerSettings;
import io.parceltrack.rest.MetricsEndpoint;
import io.parceltrack.rest.RateLimitSettings;
import io.parceltrack.rest.RouteGroup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's one HTTP server as a lifecycle component: health probes, {@code GET /metrics} and the
 * app's route groups, every request counted by route template.
 */
public final class HttpWiring {
    /** Where the REST API v1 lives under the server's root (adapters-rest serves it there). */
    private static final String API_BASE_PATH = "/api/v1";
    private static final String ALL_INTERFACES = "0.0.0.0";

    private HttpWiring() {}

    /**
     * The API's base URL as managers call it from outside: the configured public URL (the
     * server's root, e.g. {@code https://parcels.example.com}) plus the API's base path. The
     * manager bot shows it next to a new token.
     */
    public static URI publicApiUrl(AppSettings.Http http) {
        return URI.create(http.publicUrl().replaceAll("/+$", "") + API_BASE_PATH);
    }

    public static HttpServerSettings settings(AppSettings.Http http) {
        return HttpServerSettings.defaults()
                .withAddress(http.host(), http.port())
                .withMaxBodyBytes(http.bodyLimit())
                .withRateLimit(new RateLimitSettings(http.ratePerSecond(), http.rateBurst()))
                .withIdempotencyTtl(http.idempotencyTtl())
                .withMaxConcurrentRequests(http.maxConcurrentRequests());
    }

    /** The server on the HTTP host and port, serving {@code groups} besides the health probes. */
    public static AppHttpServer serve(Assembly assembly, List<RouteGroup> groups) {
        return start(assembly, settings(assembly.settings().http()), groups);
    }

    /** The server of an app without an API of its own: health probes on the health port, every interface. */
    public static AppHttpServer serveHealth(Assembly assembly) {
        HttpServerSettings settings = settings(assembly.settings().http())
                .withAddress(ALL_INTERFACES, assembly.settings().healthPort());
        AppHttpServer server = start(assembly, settings, List.of());
        assembly.lifecycle().announce(() -> "health: http://localhost:" + server.port() + "/health/ready, metrics: /metrics");
        return server;
    }

    private static AppHttpServer start(Assembly assembly, HttpServerSettings settings, List<RouteGroup> groups) {
        List<RouteGroup> all = new ArrayList<>(groups);
        all.add(new MetricsEndpoint(assembly.metrics()::scrape, assembly.settings().metrics().bearerToken()));
        AppHttpServer server = new AppHttpServer(settings, assembly.readiness(), all,
                new HttpMetrics(assembly.metrics().registry()));
        assembly.add(Component.of("HTTP server", server::start, server::stop));
        return server;
    }
}
