package io.parceltrack.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far the outbox relay is behind: how many events wait and since when the oldest waits. For
 * operators (metrics, alerts), never for decisions; a store answers it with one cheap look.
 */
public interface OutboxBacklog {
    Backlog backlog();

    /**
     * @param events how many recorded events are not published yet
     * @param oldestRecordedAt when the oldest of them was recorded; {@link Instant#MAX} when none waits
     */
    record Backlog(long events, Instant oldestRecordedAt) {
        public static final Backlog EMPTY = new Backlog(0, Instant.MAX);

        public Backlog {
            Objects.requireNonNull(oldestRecordedAt, "oldestRecordedAt");
            if (events < 0) {
                throw new IllegalArgumentException("events must not be negative");
            }
        }

        /** How long the oldest event has waited at {@code now}; zero when none waits. */
        public Duration oldestAgeAt(Instant now) {
            if (events == 0 || !oldestRecordedAt.isBefore(now)) {
                return Duration.ZERO;
            }
            return Duration.between(oldestRecordedAt, now);
        }
    }
}
