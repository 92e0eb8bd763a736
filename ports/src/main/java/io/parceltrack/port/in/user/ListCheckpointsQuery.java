package io.parceltrack.port.in.user;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.TrackNumber;

public interface ListCheckpointsQuery {
    /**
     * A parcel's checkpoints, newest first.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     */
    Page<Checkpoint> listCheckpoints(TrackNumber trackNumber, PageRequest page);
}
