package io.parceltrack.service;

import static io.parceltrack.service.ManagerParcelService.parcelNotFound;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.port.in.tracking.PublicParcelView;
import io.parceltrack.port.in.tracking.TrackParcelQuery;
import io.parceltrack.port.out.ParcelStore;

/** The public tracking page's one read: a parcel as strangers may see it, and a page of its history. */
public final class PublicTrackingService implements TrackParcelQuery {
    private final ParcelStore parcels;

    public PublicTrackingService(ParcelStore parcels) {
        this.parcels = parcels;
    }

    @Override
    public PublicParcelView trackParcel(TrackNumber trackNumber, PageRequest checkpointPage) {
        Parcel parcel = parcels.findParcel(trackNumber).orElseThrow(() -> parcelNotFound(trackNumber));
        return PublicParcelView.of(parcel, parcels.findCheckpoints(trackNumber, checkpointPage));
    }
}
