package io.parceltrack.port.in.notification;

import io.parceltrack.domain.notification.Delivery;

public interface DeliverNotificationUseCase {
    /**
     * Sends the delivery unless it was sent before. A failure that may pass (network, limits that
     * outlast the messenger's own patience) is thrown so that the caller retries later.
     */
    DeliveryOutcome deliver(Delivery delivery);
}
