package io.parceltrack.service;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.notification.RelayOutboxUseCase;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves recorded parcel events from the outbox to the broker, oldest first. An event recorded
 * within a trace is relayed within a span of it, and leaves carrying that span as its parent, so
 * the trace shows the time an event waited in the outbox and what handled it next.
 */
public final class OutboxRelayService implements RelayOutboxUseCase {
    private final OutboxStore outbox;
    private final ParcelEventPublisher publisher;
    private final int batchSize;

    public OutboxRelayService(OutboxStore outbox, ParcelEventPublisher publisher, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @Override
    public int relayPending() {
        int total = 0;
        int batch;
        do {
            batch = outbox.drain(batchSize, this::publishTraced);
            total += batch;
        } while (batch == batchSize);
        return total;
    }

    private void publishTraced(List<ParcelEvent> events) {
        List<TraceSpan> spans = new ArrayList<>(events.size());
        List<ParcelEvent> relayed = new ArrayList<>(events.size());
        for (ParcelEvent event : events) {
            TraceSpan span = TraceSpan.continueIfAny(SpanNames.RELAY, SpanKind.PRODUCER, event.knownTrace().orElse(null))
                    .attribute("parceltrack.event_id", event.id())
                    .attribute("parceltrack.track_number", event.trackNumber().value());
            spans.add(span);
            relayed.add(span.context().isPresent() ? event.withTrace(span.traceparent()) : event);
        }
        try {
            publisher.publishEvents(relayed);
        } catch (RuntimeException | Error e) {
            spans.forEach(span -> span.fail(e.getClass().getSimpleName()));
            throw e;
        } finally {
            spans.forEach(TraceSpan::end);
        }
    }
}
