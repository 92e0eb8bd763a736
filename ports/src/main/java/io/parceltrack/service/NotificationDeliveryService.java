package io.parceltrack.service;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.ProcessedMessageStore;
import java.time.Clock;

/**
 * Sends each delivery once. The id is recorded only after the messenger accepted it: a crash in
 * between means the person may get it twice, never that they miss it.
 */
public final class NotificationDeliveryService implements DeliverNotificationUseCase {
    public static final String CONSUMER = "notification-delivery";

    private final ProcessedMessageStore processed;
    private final Messenger messenger;
    private final Clock clock;

    public NotificationDeliveryService(ProcessedMessageStore processed, Messenger messenger, Clock clock) {
        this.processed = processed;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        if (processed.isProcessed(CONSUMER, delivery.id().value())) {
            return DeliveryOutcome.DUPLICATE;
        }
        Messenger.SendResult result = messenger.sendNotification(delivery);
        processed.markProcessed(CONSUMER, delivery.id().value(), clock.instant());
        return switch (result) {
            case SENT -> DeliveryOutcome.SENT;
            case RECIPIENT_UNREACHABLE -> DeliveryOutcome.RECIPIENT_UNREACHABLE;
        };
    }
}
