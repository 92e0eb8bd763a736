package io.parceltrack.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the HTTP server and the manager API can be tuned with. The constructor checks every value and lists all
 * problems at once, so a misconfigured app fails at startup with one readable error.
 *
 * @param host interface to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one (see {@link AppHttpServer#start()})
 * @param maxBodyBytes largest accepted request body; larger ones get 413
 * @param rateLimit per-token request budget; over it, 429 with {@code Retry-After}
 * @param idempotencyTtl how long an {@code Idempotency-Key} and its stored answer are remembered
 * @param readinessTimeout how long one readiness check may take before it counts as failed
 * @param unavailableRetryAfter what {@code Retry-After} suggests when a dependency is down (503)
 * @param shutdownTimeout how long {@link AppHttpServer#stop()} waits for requests in flight
 * @param maxConcurrentRequests how many requests are handled at once; one more is answered 503
 *     with {@code Retry-After} ({@code unavailableRetryAfter}) at once instead of queueing
 */
public record HttpServerSettings(
        String host,
        int port,
        int maxBodyBytes,
        RateLimitSettings rateLimit,
        Duration idempotencyTtl,
        Duration readinessTimeout,
        Duration unavailableRetryAfter,
        Duration shutdownTimeout,
        int maxConcurrentRequests) {

    public static final int DEFAULT_PORT = 8080;
    /** Well above what the database pools serve at once, well below Jetty's 200 threads. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpServerSettings {
        Objects.requireNonNull(rateLimit, "rateLimit");
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            problems.add("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        requirePositive("idempotencyTtl", idempotencyTtl, problems);
        requirePositive("readinessTimeout", readinessTimeout, problems);
        requirePositive("unavailableRetryAfter", unavailableRetryAfter, problems);
        requirePositive("shutdownTimeout", shutdownTimeout, problems);
        if (maxConcurrentRequests < 1) {
            problems.add("maxConcurrentRequests must be positive, got " + maxConcurrentRequests);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid HTTP server settings: " + String.join("; ", problems));
        }
    }

    /** The settings with the default concurrency limit. */
    public HttpServerSettings(String host, int port, int maxBodyBytes, RateLimitSettings rateLimit,
            Duration idempotencyTtl, Duration readinessTimeout, Duration unavailableRetryAfter, Duration shutdownTimeout) {
        this(host, port, maxBodyBytes, rateLimit, idempotencyTtl, readinessTimeout, unavailableRetryAfter,
                shutdownTimeout, DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    /** Sensible production values on {@code 0.0.0.0:8080}. */
    public static HttpServerSettings defaults() {
        return new HttpServerSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, new RateLimitSettings(10, 50),
                Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public HttpServerSettings withAddress(String newHost, int newPort) {
        return new HttpServerSettings(newHost, newPort, maxBodyBytes, rateLimit, idempotencyTtl, readinessTimeout,
                unavailableRetryAfter, shutdownTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withMaxBodyBytes(int newMaxBodyBytes) {
        return new HttpServerSettings(host, port, newMaxBodyBytes, rateLimit, idempotencyTtl, readinessTimeout,
                unavailableRetryAfter, shutdownTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withRateLimit(RateLimitSettings newRateLimit) {
        return new HttpServerSettings(host, port, maxBodyBytes, newRateLimit, idempotencyTtl, readinessTimeout,
                unavailableRetryAfter, shutdownTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withIdempotencyTtl(Duration newTtl) {
        return new HttpServerSettings(host, port, maxBodyBytes, rateLimit, newTtl, readinessTimeout,
                unavailableRetryAfter, shutdownTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withReadinessTimeout(Duration newTimeout) {
        return new HttpServerSettings(host, port, maxBodyBytes, rateLimit, idempotencyTtl, newTimeout,
                unavailableRetryAfter, shutdownTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withShutdownTimeout(Duration newTimeout) {
        return new HttpServerSettings(host, port, maxBodyBytes, rateLimit, idempotencyTtl, readinessTimeout,
                unavailableRetryAfter, newTimeout, maxConcurrentRequests);
    }

    public HttpServerSettings withMaxConcurrentRequests(int newMax) {
        return new HttpServerSettings(host, port, maxBodyBytes, rateLimit, idempotencyTtl, readinessTimeout,
                unavailableRetryAfter, shutdownTimeout, newMax);
    }

    private static void requirePositive(String name, Duration value, List<String> problems) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add(name + " must be a positive duration, got " + value);
        }
    }
}
