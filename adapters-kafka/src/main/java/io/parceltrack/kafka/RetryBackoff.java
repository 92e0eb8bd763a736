package io.parceltrack.kafka;

import java.time.Duration;

/** Pauses that double after each failure in a row, up to a ceiling, and start over after a success. */
final class RetryBackoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    RetryBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The pause before the next attempt; the one after will be twice as long (up to the ceiling). */
    Duration failed() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return pause;
    }

    void succeeded() {
        next = first;
    }
}
