package io.parceltrack.port.in.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;

public interface UnsubscribeFromParcelUseCase {
    /**
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if the parcel is absent,
     *     (SUBSCRIPTION) if the user was not subscribed
     */
    void unsubscribe(TelegramId user, TrackNumber trackNumber);
}
