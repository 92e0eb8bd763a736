package io.parceltrack.port.out;

import io.parceltrack.domain.notification.ParcelEvent;
import java.util.List;

/** Hands parcel events to the message broker (topic {@code parcel-events}, keyed by track number). */
public interface ParcelEventPublisher {
    /**
     * Returns once the broker has durably accepted all events, in order per parcel.
     *
     * @throws PublishException if it could not; some may have been published, none is lost
     */
    void publishEvents(List<ParcelEvent> events);
}
