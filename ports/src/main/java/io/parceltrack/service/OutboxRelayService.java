package io.parceltrack.service;

import io.parceltrack.port.in.notification.RelayOutboxUseCase;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelEventPublisher;

/** Moves recorded parcel events from the outbox to the broker, oldest first. */
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
            batch = outbox.drain(batchSize, publisher::publishEvents);
            total += batch;
        } while (batch == batchSize);
        return total;
    }
}
