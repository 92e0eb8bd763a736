package io.parceltrack.port.in.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;

public interface ViewParcelQuery {
    /**
     * Anyone who knows the track number may read the parcel.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     */
    ParcelView viewParcel(TelegramId user, TrackNumber trackNumber);
}
