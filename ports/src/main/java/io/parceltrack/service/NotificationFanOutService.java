package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.ProcessedMessageStore;
import io.parceltrack.port.out.SubscriptionStore;
import java.time.Clock;
import java.util.List;

/**
 * Turns one parcel event into one delivery per subscriber. Subscribers are read a page at a time,
 * so a parcel followed by many thousands never sits in memory at once.
 */
public final class NotificationFanOutService implements FanOutParcelEventUseCase {
    public static final String CONSUMER = "notification-fan-out";

    private final SubscriptionStore subscriptions;
    private final DeliveryPublisher deliveries;
    private final ProcessedMessageStore processed;
    private final Clock clock;
    private final int pageSize;

    public NotificationFanOutService(
            SubscriptionStore subscriptions, DeliveryPublisher deliveries, ProcessedMessageStore processed,
            Clock clock, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.processed = processed;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @Override
    public int fanOut(ParcelEvent event) {
        if (processed.isProcessed(CONSUMER, event.id().value())) {
            return 0;
        }
        int emitted = 0;
        long after = 0;
        List<TelegramId> page;
        do {
            page = subscriptions.findSubscribers(event.trackNumber(), after, pageSize);
            if (!page.isEmpty()) {
                deliveries.publishDeliveries(page.stream().map(user -> Delivery.of(event, user)).toList());
                emitted += page.size();
                after = page.get(page.size() - 1).value();
            }
        } while (page.size() == pageSize);
        processed.markProcessed(CONSUMER, event.id().value(), clock.instant());
        return emitted;
    }
}
