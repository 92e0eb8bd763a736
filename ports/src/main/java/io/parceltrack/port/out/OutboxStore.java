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

    /**
     * Calls {@code listener} soon after events were recorded and committed, here or, for a store
     * that many processes share, in any of them, so that a relay need not wait for its next poll.
     * A hint only: a listener may be called when there is nothing to drain, and a relay keeps
     * polling for what a lost hint would leave behind. Listeners must return quickly.
     */
    void onRecorded(Runnable listener);

    @FunctionalInterface
    interface EventPublisher {
        void publish(List<ParcelEvent> events);
    }
}
