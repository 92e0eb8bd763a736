package io.parceltrack.port.in.notification;

public interface RelayOutboxUseCase {
    /**
     * Publishes the oldest recorded, unpublished parcel events, in order, and returns how many.
     * When the broker refuses, nothing is marked published and {@link
     * io.parceltrack.port.out.PublishException} is thrown: events are delayed, never lost.
     */
    int relayPending();
}
