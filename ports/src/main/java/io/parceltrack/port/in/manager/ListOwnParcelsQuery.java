package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;

public interface ListOwnParcelsQuery {
    /** The manager's parcels, newest first. */
    Page<Parcel> listOwnParcels(TelegramId manager, PageRequest page);
}
