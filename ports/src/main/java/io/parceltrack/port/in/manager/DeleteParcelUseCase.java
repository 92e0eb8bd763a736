package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;

public interface DeleteParcelUseCase {
    /**
     * Deletes the parcel with its checkpoints and subscriptions.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     * @throws io.parceltrack.domain.error.AccessDeniedException if another manager owns it
     */
    void deleteParcel(TelegramId manager, TrackNumber trackNumber);
}
