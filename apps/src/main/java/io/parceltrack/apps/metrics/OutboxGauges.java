package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parceltrack.port.out.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parceltrack_outbox_events} (events waiting) and {@code parceltrack_outbox_oldest_age_seconds}
 * (how long the oldest has waited). The backlog is looked up at most once per {@link #REFRESH},
 * however often Prometheus scrapes, so scrapes cannot load the database; a failed look-up keeps the
 * last answer (a database that is down shows up in readiness, not here).
 */
public final class OutboxGauges {
    static final String EVENTS = "parceltrack.outbox.events";
    static final String OLDEST_AGE = "parceltrack.outbox.oldest.age";
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxGauges.class);

    private final OutboxBacklog outbox;
    private final Clock clock;
    private OutboxBacklog.Backlog last = OutboxBacklog.Backlog.EMPTY;
    private Instant lookedAt = Instant.MIN;

    private OutboxGauges(OutboxBacklog outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public static void register(MeterRegistry registry, OutboxBacklog outbox, Clock clock) {
        OutboxGauges gauges = new OutboxGauges(outbox, clock);
        Gauge.builder(EVENTS, gauges, g -> g.current().events())
                .description("parcel events recorded but not yet published").register(registry);
        Gauge.builder(OLDEST_AGE, gauges, g -> g.current().oldestAgeAt(clock.instant()).toMillis() / 1000.0)
                .description("how long the oldest unpublished parcel event has waited").baseUnit("seconds")
                .register(registry);
    }

    private synchronized OutboxBacklog.Backlog current() {
        Instant now = clock.instant();
        if (lookedAt.plus(REFRESH).isAfter(now)) {
            return last;
        }
        lookedAt = now;
        try {
            last = outbox.backlog();
        } catch (RuntimeException e) {
            LOG.debug("outbox backlog look-up failed, keeping the last answer: {}", e.toString());
        }
        return last;
    }
}
