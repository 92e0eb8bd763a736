package io.parceltrack.port.in.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;

public interface SubscribeToParcelUseCase {
    /**
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     * @throws io.parceltrack.domain.error.AlreadyExistsException (SUBSCRIPTION) if subscribed already
     */
    void subscribe(TelegramId user, TrackNumber trackNumber);
}
