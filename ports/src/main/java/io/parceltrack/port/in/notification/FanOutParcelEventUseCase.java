package io.parceltrack.port.in.notification;

import io.parceltrack.domain.notification.ParcelEvent;

public interface FanOutParcelEventUseCase {
    /**
     * Emits one delivery per current subscriber of the event's parcel, page by page, and returns how
     * many. Handling an event again emits the same deliveries with the same ids, so recipients can
     * drop what they already got. If publishing fails the exception propagates and the event should
     * be handled again later.
     */
    int fanOut(ParcelEvent event);
}
