package io.parceltrack.port.in.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;

public interface ListSubscriptionsQuery {
    /** Parcels the user is subscribed to, most recently subscribed first. */
    Page<Parcel> listSubscriptions(TelegramId user, PageRequest page);
}
