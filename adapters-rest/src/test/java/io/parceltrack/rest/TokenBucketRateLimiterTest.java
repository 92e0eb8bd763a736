package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitSettings(2, 4), clock);
    private final TelegramId manager = TelegramId.of(1);

    @Test
    void allowsAFullBurstAtOnce() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire(manager)).as("request %d", i).isEmpty();
        }
        assertThat(limiter.tryAcquire(manager)).hasValue(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheSteadyRateButNeverBeyondTheBurst() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(manager);
        }

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire(manager)).isEmpty();
        assertThat(limiter.tryAcquire(manager)).isPresent();

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire(manager)).isEmpty();
        }
        assertThat(limiter.tryAcquire(manager)).isPresent();
    }

    @Test
    void tellsHowLongToWaitForTheNextRequest() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(manager);
        }
        clock.advance(Duration.ofMillis(200));

        assertThat(limiter.tryAcquire(manager)).hasValue(Duration.ofMillis(300));
    }

    @Test
    void refusalsDoNotCostTokens() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(manager);
        }
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire(manager);
        }

        clock.advance(Duration.ofMillis(500));

        assertThat(limiter.tryAcquire(manager)).isEmpty();
    }

    @Test
    void managersDoNotShareABucket() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire(manager);
        }

        assertThat(limiter.tryAcquire(TelegramId.of(2))).isEmpty();
    }

    @Test
    void acquireRoundsTheWaitUpToWholeSeconds() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire(manager);
        }

        assertThatThrownBy(() -> limiter.acquire(manager))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.RATE_LIMITED);
                    assertThat(problem.headers()).containsEntry("Retry-After", "1");
                });
    }
}
