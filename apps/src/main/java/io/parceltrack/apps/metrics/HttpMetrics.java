package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parceltrack.rest.HttpRequestObserver;
import java.time.Duration;

/**
 * REST requests by route template, method and status ({@code parceltrack_http_server_requests_seconds}),
 * and the ones refused for the rate limit ({@code parceltrack_http_rate_limited_total}). Routes
 * come as templates from the server, so the label values stay as few as the routes.
 */
public final class HttpMetrics implements HttpRequestObserver {
    static final String REQUESTS = "parceltrack.http.server.requests";
    static final String RATE_LIMITED = "parceltrack.http.rate.limited";
    private static final int TOO_MANY_REQUESTS = 429;

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(String method, String route, int status, Duration elapsed) {
        LatencyBuckets.timer(REQUESTS)
                .description("HTTP requests answered, by route template, method and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry)
                .record(elapsed);
        if (status == TOO_MANY_REQUESTS) {
            Counter.builder(RATE_LIMITED)
                    .description("HTTP requests refused with 429 (rate limit or idempotency-key quota)")
                    .tags("route", route)
                    .register(registry)
                    .increment();
        }
    }
}
