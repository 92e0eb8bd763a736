package io.parceltrack.port.out;

import io.parceltrack.domain.notification.ParcelEvent;
import java.util.List;

/** Parcel events recorded with their checkpoints, waiting to be published. */
public interface OutboxStore {

    /**
     * Hands up to {@code limit} of the oldest unpublished events, in the order they were recorded,
     * to {@code publisher}, and marks them published if it returns normally. If it throws, they stay
     * unpublished and the exception propagates. At most one drain runs at a time, across all
     * processes sharing the store, so events leave in order. Returns how many were published (0
     * also when another drain is running).
     */
    int drain(int limit, EventPublisher publisher);

    @FunctionalInterface
    interface EventPublisher {
        void publish(List<ParcelEvent> events);
    }
}
