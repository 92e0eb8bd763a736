package io.parceltrack.port.in.tracking;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;

/** Anyone who knows a track number follows the parcel on a public page, without an account. */
public interface TrackParcelQuery {
    /**
     * The parcel's public view with the requested page of its checkpoints, newest first. A page
     * past the last one is empty, not an error: the parcel exists.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     */
    PublicParcelView trackParcel(TrackNumber trackNumber, PageRequest checkpointPage);
}
