package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per manager, in this process: it refills at the configured rate up to the
 * burst size, and each request takes one token. With several replicas each enforces its own
 * budget; that bounds abuse per replica, which is what protects the service.
 */
final class TokenBucketRateLimiter {
    private final double tokensPerNano;
    private final double capacity;
    private final Clock clock;
    private final Map<TelegramId, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBucketRateLimiter(RateLimitSettings settings, Clock clock) {
        this.tokensPerNano = settings.requestsPerSecond() / 1e9;
        this.capacity = settings.burst();
        this.clock = clock;
    }

    /** Empty if the request may go ahead, else how long until it would be allowed. */
    Optional<Duration> tryAcquire(TelegramId manager) {
        long now = nanosOf(clock);
        return buckets.computeIfAbsent(manager, id -> new Bucket(capacity, now)).take(now);
    }

    /**
     * @throws ApiProblem (429, with {@code Retry-After} in whole seconds) when over the limit
     */
    void acquire(TelegramId manager) {
        tryAcquire(manager).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiProblem(ProblemType.RATE_LIMITED,
                    "this API token made too many requests; retry in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        });
    }

    private static long nanosOf(Clock clock) {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        synchronized Optional<Duration> take(long now) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
                updatedAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }
    }
}
