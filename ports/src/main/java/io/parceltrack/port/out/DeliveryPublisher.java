package io.parceltrack.port.out;

import io.parceltrack.domain.notification.Delivery;
import java.util.List;

/** Hands deliveries to the message broker (topic {@code notification-deliveries}, keyed by user). */
public interface DeliveryPublisher {
    /**
     * Returns once the broker has durably accepted all deliveries.
     *
     * @throws PublishException if it could not
     */
    void publishDeliveries(List<Delivery> deliveries);
}
