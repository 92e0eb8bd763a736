package io.parceltrack.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theFirstRetryComesWithinTenSecondsAndDelaysDoubleUpToTheLongest() {
        RetrySchedule standard = RetrySchedule.standard();
        Random random = new Random(7);

        for (int i = 0; i < 100; i++) {
            assertThat(standard.delay(1, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
            assertThat(standard.delay(2, random)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
            assertThat(standard.delay(30, random)).isBetween(Duration.ofMinutes(48), Duration.ofHours(1));
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        RetrySchedule standard = RetrySchedule.standard();
        Random random = new Random(11);

        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> standard.delay(3, random)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void retriesForAtLeastADayThenStops() {
        RetrySchedule standard = RetrySchedule.standard();
        Random random = new Random(3);
        Instant now = T0;
        int attempts = 1;
        Instant last = T0;
        while (true) {
            var next = standard.nextAttempt(attempts, T0, now, random);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
            last = now;
            attempts++;
        }

        assertThat(Duration.between(T0, last)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(attempts).isBetween(20, 60);
    }
}
