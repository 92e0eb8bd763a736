package io.parceltrack.memory;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The message broker of standalone mode: parcel events and deliveries handed to subscribers on
 * background threads, the way a broker's consumers would get them. Like Kafka partitions, messages
 * with the same key (track number, recipient) are handled one after another, in order; different
 * keys proceed in parallel. A failing handler is retried with backoff before the message is given up.
 */
public final class InMemoryEventBus implements ParcelEventPublisher, DeliveryPublisher, AutoCloseable {
    private final PartitionedDispatcher events;
    private final PartitionedDispatcher deliveries;
    private final List<Consumer<ParcelEvent>> eventHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Delivery>> deliveryHandlers = new CopyOnWriteArrayList<>();

    public InMemoryEventBus() {
        this(4, 16, PartitionedDispatcher.RetryPolicy.standard());
    }

    public InMemoryEventBus(int eventLanes, int deliveryLanes, PartitionedDispatcher.RetryPolicy retry) {
        this.events = new PartitionedDispatcher("parcel-events", eventLanes, retry);
        this.deliveries = new PartitionedDispatcher("notification-deliveries", deliveryLanes, retry);
    }

    public void onParcelEvent(Consumer<ParcelEvent> handler) {
        eventHandlers.add(handler);
    }

    public void onDelivery(Consumer<Delivery> handler) {
        deliveryHandlers.add(handler);
    }

    @Override
    public void publishEvents(List<ParcelEvent> published) {
        for (ParcelEvent event : published) {
            for (Consumer<ParcelEvent> handler : eventHandlers) {
                events.dispatch(event.trackNumber().value(), () -> handler.accept(event));
            }
        }
    }

    @Override
    public void publishDeliveries(List<Delivery> published) {
        for (Delivery delivery : published) {
            for (Consumer<Delivery> handler : deliveryHandlers) {
                deliveries.dispatch(delivery.recipient().value(), () -> handler.accept(delivery));
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
}
