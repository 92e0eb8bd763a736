package io.parceltrack.port.in.user;

import io.parceltrack.domain.parcel.Parcel;
import java.util.Objects;

/** A parcel as one recipient sees it. */
public record ParcelView(Parcel parcel, boolean subscribed) {
    public ParcelView {
        Objects.requireNonNull(parcel, "parcel");
    }
}
