package io.parceltrack.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed webhook is tried again: after {@code firstDelay}, doubling with each failure up to
 * {@code maxDelay}, each delay shortened by up to {@code jitter} of itself at random so that
 * receivers coming back from an outage are not hit by every sender at the same instant. Attempts go
 * on until {@code window} has passed since the message was enqueued; the attempt that fails after
 * that is the last.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration window, double jitter) {

    public RetrySchedule {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive, the longest not shorter than the first");
        }
        if (window.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("the retry window must hold at least the longest delay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction from 0 (none) up to, not including, 1");
        }
    }

    /** 5 s, doubling to at most an hour, for 26 hours (so retries outlast a whole day's outage), 20 % jitter. */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(26), 0.2);
    }

    /**
     * When to try again after the {@code failedAttempts}-th attempt failed at {@code now}; empty if
     * the window is over.
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant enqueuedAt, Instant now, RandomGenerator random) {
        if (!now.isBefore(enqueuedAt.plus(window))) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delay(failedAttempts, random)));
    }

    Duration delay(int failedAttempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long millis = firstDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, maxDelay.toMillis());
        return Duration.ofMillis(Math.round(millis * (1 - jitter * random.nextDouble())));
    }
}
