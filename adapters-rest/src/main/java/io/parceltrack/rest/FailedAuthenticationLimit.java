package io.parceltrack.rest;

/**
 * How many failed API token checks one client address may cause: {@code failuresPerMinute} at most,
 * refilled evenly over the minute (about one every two seconds at the default 30), after which
 * its requests are answered 429 with {@code Retry-After} without asking the accounts port.
 * {@code trackedAddresses} bounds the memory: beyond it the address seen least recently is forgotten.
 * {@code trustedProxies} is as for the tracking page: how many proxies in front of the app append to
 * {@code X-Forwarded-For} (0: the connection's peer is the client).
 */
public record FailedAuthenticationLimit(int failuresPerMinute, int trackedAddresses, int trustedProxies) {
    public static final FailedAuthenticationLimit DEFAULT = new FailedAuthenticationLimit(30, 100_000, 0);

    public FailedAuthenticationLimit {
        if (failuresPerMinute < 1 || failuresPerMinute > 1_000_000) {
            throw new IllegalArgumentException("failuresPerMinute must be between 1 and 1000000, got " + failuresPerMinute);
        }
        if (trackedAddresses < 1) {
            throw new IllegalArgumentException("trackedAddresses must be positive, got " + trackedAddresses);
        }
        if (trustedProxies < 0 || trustedProxies > 10) {
            throw new IllegalArgumentException("trustedProxies must be between 0 and 10, got " + trustedProxies);
        }
    }

    /** The token bucket of one address: refills {@code failuresPerMinute} a minute, holds as many. */
    RateLimitSettings bucket() {
        return new RateLimitSettings(failuresPerMinute / 60.0, failuresPerMinute);
    }
}
