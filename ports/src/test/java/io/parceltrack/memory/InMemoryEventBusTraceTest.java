package io.parceltrack.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.FinishedSpan;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Standalone's bus carries the trace the way Kafka's headers do: the event's trace to its handlers,
 * and the trace current where deliveries were published (the fan-out's span) to the delivery, each
 * handler under a span of its own whose parent is the step before.
 */
class InMemoryEventBusTraceTest {
    private final InMemoryEventBus bus = new InMemoryEventBus(2, 2,
            new PartitionedDispatcher.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    private final Map<String, Optional<TraceContext>> seen = new ConcurrentHashMap<>();
    private final List<FinishedSpan> ended = new CopyOnWriteArrayList<>();

    InMemoryEventBusTraceTest() {
        TraceSpan.reportTo(ended::add);
    }

    @AfterEach
    void close() {
        bus.close();
        TraceSpan.reportTo(span -> {});
    }

    @Test
    void theEventsTraceReachesTheFanOutAndFromThereTheDelivery() throws Exception {
        TelegramId recipient = Fixtures.newId();
        Checkpoint checkpoint = Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT);
        TraceContext relay = TraceContext.start();
        ParcelEvent event = Fixtures.event(Fixtures.newTrackNumber(), checkpoint).withTrace(relay.traceparent());
        bus.onParcelEvent(SpanNames.FAN_OUT, handled -> {
            seen.put("fan-out", CurrentTrace.get());
            bus.publishDeliveries(List.of(new Delivery(handled.id(), recipient, handled.trackNumber(),
                    handled.parcelName(), checkpoint)));
        });
        bus.onDelivery(SpanNames.DELIVER, delivery -> seen.put("delivery", CurrentTrace.get()));

        bus.publishEvents(List.of(event));

        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        TraceContext fanOut = seen.get("fan-out").orElseThrow();
        TraceContext delivery = seen.get("delivery").orElseThrow();
        assertThat(List.of(fanOut.traceId(), delivery.traceId())).containsOnly(relay.traceId());
        assertThat(ended).extracting(FinishedSpan::name, FinishedSpan::kind, FinishedSpan::parentSpanId)
                .containsExactlyInAnyOrder(
                        tuple(SpanNames.FAN_OUT, SpanKind.CONSUMER, relay.spanId()),
                        tuple(SpanNames.DELIVER, SpanKind.CONSUMER, fanOut.spanId()));
        assertThat(ended).filteredOn(span -> span.name().equals(SpanNames.DELIVER)).singleElement()
                .extracting(FinishedSpan::context).isEqualTo(delivery);
    }

    @Test
    void anEventWithoutATraceIsHandledOutsideAnyTrace() throws Exception {
        bus.onParcelEvent(SpanNames.FAN_OUT, handled -> seen.put("fan-out", CurrentTrace.get()));

        bus.publishEvents(List.of(Fixtures.event(Fixtures.newTrackNumber(),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT))));

        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(seen.get("fan-out")).isEmpty();
        assertThat(ended).isEmpty();
    }
}
