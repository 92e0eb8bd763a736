package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    /** Routes times methods times the statuses they answer: a few hundred at most. */
    private static final int MAX_CACHED_SERIES = 1024;

    private final MeterCache<Series, Timer> requests;
    private final MeterCache<String, Counter> rateLimited;

    private record Series(String method, String route, int status) {}

    public HttpMetrics(MeterRegistry registry) {
        this.requests = new MeterCache<>(MAX_CACHED_SERIES, series -> LatencyBuckets.timer(REQUESTS)
                .description("HTTP requests answered, by route template, method and status")
                .tags("method", series.method(), "route", series.route(), "status", Integer.toString(series.status()))
                .register(registry));
        this.rateLimited = new MeterCache<>(MAX_CACHED_SERIES, route -> Counter.builder(RATE_LIMITED)
                .description("HTTP requests refused with 429 (rate limit or idempotency-key quota)")
                .tags("route", route)
                .register(registry));
    }

    @Override
    public void completed(String method, String route, int status, Duration elapsed) {
        requests.get(new Series(method, route, status)).record(elapsed);
        if (status == TOO_MANY_REQUESTS) {
            rateLimited.get(route).increment();
        }
    }
}
