package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts a checkpoint's way through the system by decorating the ports it passes, so that neither
 * the services nor the domain know of metrics: checkpoints recorded, events relayed from the
 * outbox and the batches they went in, deliveries the fan-out produced, and deliveries handled by
 * outcome.
 */
public final class FlowMetrics {
    static final String CHECKPOINTS = "parceltrack.checkpoints.recorded";
    static final String EVENTS_RELAYED = "parceltrack.outbox.events.relayed";
    static final String BATCHES_RELAYED = "parceltrack.outbox.batches.relayed";
    static final String FAN_OUT = "parceltrack.fanout.deliveries.produced";
    static final String DELIVERIES = "parceltrack.deliveries";

    private final MeterRegistry registry;

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts each checkpoint the unit of work stored (not those refused or for absent parcels). */
    public RecordCheckpointPort checkpoints(RecordCheckpointPort port) {
        Counter recorded = Counter.builder(CHECKPOINTS).description("checkpoints recorded").register(registry);
        return (trackNumber, decision) -> {
            var record = port.recordCheckpoint(trackNumber, decision);
            record.ifPresent(stored -> recorded.increment());
            return record;
        };
    }

    /**
     * Counts the events the broker accepted from the outbox relay, and the batches they went in: a
     * batch is one Kafka transaction, so events per batch is what the relay's linger and the load
     * make of its batching, and what the broker's cost per event depends on.
     */
    public ParcelEventPublisher relayed(ParcelEventPublisher publisher) {
        Counter relayed = Counter.builder(EVENTS_RELAYED).description("parcel events published from the outbox")
                .register(registry);
        Counter batches = Counter.builder(BATCHES_RELAYED)
                .description("outbox batches the broker accepted, one Kafka transaction each").register(registry);
        return events -> {
            publisher.publishEvents(events);
            if (!events.isEmpty()) {
                relayed.increment(events.size());
                batches.increment();
            }
        };
    }

    /** Counts the deliveries the fan-out handed to the broker. */
    public DeliveryPublisher fannedOut(DeliveryPublisher publisher) {
        Counter produced = Counter.builder(FAN_OUT).description("deliveries produced by the fan-out, one per subscriber")
                .register(registry);
        return deliveries -> {
            publisher.publishDeliveries(deliveries);
            produced.increment(deliveries.size());
        };
    }

    /** Counts deliveries handled, by outcome: sent, duplicate (already sent) or recipient unreachable. */
    public DeliverNotificationUseCase delivered(DeliverNotificationUseCase delivery) {
        Map<DeliveryOutcome, Counter> outcomes = new EnumMap<>(DeliveryOutcome.class);
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            outcomes.put(outcome, Counter.builder(DELIVERIES)
                    .description("notification deliveries handled, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        return (Delivery handed) -> {
            DeliveryOutcome outcome = delivery.deliver(handed);
            outcomes.get(outcome).increment();
            return outcome;
        };
    }
}
