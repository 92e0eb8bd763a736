package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesThePauseAfterEachFailureUpToTheCeiling() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void startsOverAfterASuccess() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
    }
}
