package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;

public interface GetOwnParcelQuery {
    /**
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     * @throws io.parceltrack.domain.error.AccessDeniedException if another manager owns it
     */
    Parcel getOwnParcel(TelegramId manager, TrackNumber trackNumber);
}
