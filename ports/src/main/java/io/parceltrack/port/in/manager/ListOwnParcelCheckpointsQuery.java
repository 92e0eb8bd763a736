package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.TrackNumber;

public interface ListOwnParcelCheckpointsQuery {
    /**
     * A parcel's checkpoints, newest first.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     * @throws io.parceltrack.domain.error.AccessDeniedException if another manager owns it
     */
    Page<Checkpoint> listOwnParcelCheckpoints(TelegramId manager, TrackNumber trackNumber, PageRequest page);
}
