package io.parceltrack.port.in.notification;

import io.parceltrack.domain.notification.ParcelEvent;

public interface FanOutParcelEventUseCase {
    /**
     * Emits one delivery per current subscriber of the event's parcel, page by page, and returns how
     * many. An event seen before is skipped (0); one interrupted half-way is fanned out again in
     * full, and the deterministic delivery ids let recipients drop what they already got.
     */
    int fanOut(ParcelEvent event);
}
