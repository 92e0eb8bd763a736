package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.rest.MutableClock;
import io.parceltrack.rest.RateLimitSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void allowsTheBurstThenSaysHowLongToWait() {
        AddressRateLimiter limiter = new AddressRateLimiter(new RateLimitSettings(2, 3), 100, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.spend("203.0.113.7")).isEmpty();
        }
        assertThat(limiter.spend("203.0.113.7")).hasValue(Duration.ofMillis(500));
        assertThat(limiter.spend("198.51.100.1")).as("another address has its own budget").isEmpty();
    }

    @Test
    void refillsAtTheSteadyRate() {
        AddressRateLimiter limiter = new AddressRateLimiter(new RateLimitSettings(2, 1), 100, clock);
        limiter.spend("a");

        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.spend("a")).isPresent();
        clock.advance(Duration.ofMillis(501));
        assertThat(limiter.spend("a")).isEmpty();
    }

    @Test
    void remembersNoMoreThanItsBoundForgettingTheLeastRecentlySeen() {
        AddressRateLimiter limiter = new AddressRateLimiter(new RateLimitSettings(0.001, 1), 3, clock);
        limiter.spend("a");
        limiter.spend("b");
        limiter.spend("c");
        limiter.spend("a");

        for (int i = 0; i < 1_000; i++) {
            limiter.spend("flood-" + i);
        }

        assertThat(limiter.trackedAddresses()).isEqualTo(3);
        assertThat(limiter.spend("flood-999")).as("a recent address keeps its empty budget").isPresent();
    }
}
