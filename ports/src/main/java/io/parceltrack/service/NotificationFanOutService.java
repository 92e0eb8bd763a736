package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.List;

/**
 * Turns one parcel event into one delivery per subscriber. Subscribers are read a page at a time,
 * so a parcel followed by many thousands never sits in memory at once.
 *
 * <p>It keeps no record of events it has handled: an event handled twice is fanned out twice with
 * the same delivery ids, and the delivery side drops the copies. Recording "handled" here could
 * only be done safely once the deliveries are durably published, which a transactional broker
 * knows better than this service.
 */
public final class NotificationFanOutService implements FanOutParcelEventUseCase {
    private final SubscriptionStore subscriptions;
    private final DeliveryPublisher deliveries;
    private final int pageSize;

    public NotificationFanOutService(SubscriptionStore subscriptions, DeliveryPublisher deliveries, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.pageSize = pageSize;
    }

    @Override
    public int fanOut(ParcelEvent event) {
        if (!event.isCheckpoint()) {
            // A deleted parcel has no subscribers left to tell; only its manager's webhooks hear of it.
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
        return emitted;
    }
}
