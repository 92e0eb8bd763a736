package io.parceltrack.bench.service;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.out.DeliveryPublisher;
import java.util.List;

/**
 * A broker that accepts at once: counts the deliveries and keeps the last batch, so the JIT has to
 * build every one of them.
 */
final class CountingDeliveryPublisher implements DeliveryPublisher {
    private long published;
    private List<Delivery> lastBatch = List.of();

    @Override
    public void publishDeliveries(List<Delivery> deliveries) {
        published += deliveries.size();
        lastBatch = deliveries;
    }

    long published() {
        return published;
    }

    List<Delivery> lastBatch() {
        return lastBatch;
    }
}
