package io.parceltrack.rest;

/**
 * How many requests one API token may make: a token bucket that refills at {@code requestsPerSecond}
 * and holds at most {@code burst} requests, so a client may briefly go faster than the steady rate.
 */
public record RateLimitSettings(double requestsPerSecond, int burst) {

    public RateLimitSettings {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be a positive number, got " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
    }
}
