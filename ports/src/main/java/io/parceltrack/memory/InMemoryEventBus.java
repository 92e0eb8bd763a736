package io.parceltrack.memory;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The message broker of standalone mode: parcel events and deliveries handed to subscribers on
 * background threads, the way a broker's consumers would get them. Like Kafka partitions, messages
 * with the same key (track number, recipient) are handled one after another, in order; different
 * keys proceed in parallel. A failing handler is retried with backoff before the message is given up.
 *
 * <p>Like a broker's record headers, the bus carries the trace along: a subscriber handles an event
 * within a span of the event's trace, and a delivery within a span of the trace current where it
 * was published (the fan-out's), so the log lines of the whole path share the request's trace id.
 */
public final class InMemoryEventBus implements ParcelEventPublisher, DeliveryPublisher, AutoCloseable {
    private final PartitionedDispatcher events;
    private final PartitionedDispatcher deliveries;
    private final List<Subscriber<ParcelEvent>> eventHandlers = new CopyOnWriteArrayList<>();
    private final List<Subscriber<Delivery>> deliveryHandlers = new CopyOnWriteArrayList<>();

    public InMemoryEventBus() {
        this(4, 16, PartitionedDispatcher.RetryPolicy.standard());
    }

    public InMemoryEventBus(int eventLanes, int deliveryLanes, PartitionedDispatcher.RetryPolicy retry) {
        this.events = new PartitionedDispatcher("parcel-events", eventLanes, retry);
        this.deliveries = new PartitionedDispatcher("notification-deliveries", deliveryLanes, retry);
    }

    public void onParcelEvent(Consumer<ParcelEvent> handler) {
        onParcelEvent("handle parcel event", handler);
    }

    /** Hands every event to {@code handler}, within a span named {@code step} (see {@link SpanNames}). */
    public void onParcelEvent(String step, Consumer<ParcelEvent> handler) {
        eventHandlers.add(new Subscriber<>(step, handler));
    }

    public void onDelivery(Consumer<Delivery> handler) {
        onDelivery(SpanNames.DELIVER, handler);
    }

    /** Hands every delivery to {@code handler}, within a span named {@code step}. */
    public void onDelivery(String step, Consumer<Delivery> handler) {
        deliveryHandlers.add(new Subscriber<>(step, handler));
    }

    @Override
    public void publishEvents(List<ParcelEvent> published) {
        for (ParcelEvent event : published) {
            String trace = event.knownTrace().orElse(null);
            for (Subscriber<ParcelEvent> subscriber : eventHandlers) {
                events.dispatch(event.trackNumber().value(), () -> subscriber.handle(event, trace, "parcel-events"));
            }
        }
    }

    @Override
    public void publishDeliveries(List<Delivery> published) {
        String trace = CurrentTrace.traceparent();
        for (Delivery delivery : published) {
            for (Subscriber<Delivery> subscriber : deliveryHandlers) {
                deliveries.dispatch(delivery.recipient().value(),
                        () -> subscriber.handle(delivery, trace, "notification-deliveries"));
            }
        }
    }

    /**
     * Waits until every published message has been handled (or given up); for tests and shutdown.
     * Events first: handling one may publish deliveries.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return events.awaitIdle(deadline) && deliveries.awaitIdle(deadline);
    }

    @Override
    public void close() {
        events.close();
        deliveries.close();
    }

    private record Subscriber<M>(String step, Consumer<M> handler) {
        /** One attempt at handling {@code message}, in a span continuing {@code traceparent} (if any). */
        void handle(M message, String traceparent, String channel) {
            TraceSpan.continueIfAny(step, SpanKind.CONSUMER, traceparent)
                    .attribute("messaging.system", "in-process")
                    .attribute("messaging.destination.name", channel)
                    .run(() -> handler.accept(message));
        }
    }
}
