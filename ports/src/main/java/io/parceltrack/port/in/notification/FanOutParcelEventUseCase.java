package io.parceltrack.port.in.notification;

import io.parceltrack.domain.notification.ParcelEvent;
import java.util.List;

public interface FanOutParcelEventUseCase {
    /**
     * Emits one delivery per current subscriber of the event's parcel, page by page, and returns how
     * many. Handling an event again emits the same deliveries with the same ids, so recipients can
     * drop what they already got. If publishing fails the exception propagates and the event should
     * be handled again later.
     */
    int fanOut(ParcelEvent event);

    /**
     * A fan-out for the events of one batch, to be given only those events: it may read what they
     * all need first (the first subscribers of all their parcels, say) in one go instead of one
     * event at a time. What it emits for each event is what {@link #fanOut} would.
     */
    default FanOutParcelEventUseCase forBatch(List<ParcelEvent> events) {
        return this;
    }
}
