package io.parceltrack.apps.area;

import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.SubscriptionStore;

/**
 * How parcel events and deliveries travel between the areas: Kafka between processes, or an
 * in-process bus in standalone. Each app asks only for the part it plays.
 */
public interface EventTransport {
    /** Where the outbox relay publishes parcel events. */
    ParcelEventPublisher eventPublisher();

    /** Turns every parcel event into one delivery per subscriber found in {@code subscriptions}. */
    void fanOut(SubscriptionStore subscriptions);

    /** Hands every delivery to {@code delivery}. */
    void deliverTo(DeliverNotificationUseCase delivery);

    /** Hands every parcel event to {@code enqueue} as well, apart from the fan-out, so neither waits for the other. */
    void webhooks(EnqueueWebhooksUseCase enqueue);

    /** Kafka when it is configured, else the in-process bus. */
    static EventTransport open(Assembly assembly) {
        return assembly.settings().kafka().configured() ? new KafkaEvents(assembly) : new InProcessEvents(assembly);
    }
}
