package io.parceltrack.port.in.tracking;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * What a public tracker shows to anyone who knows a track number (SPEC §11): the parcel's name,
 * status and forecast, and a page of its checkpoints. It has no field for the recipient, the
 * address, the description or the owner, so no edge can show them by mistake.
 */
public record PublicParcelView(
        TrackNumber trackNumber, String name, ParcelStatus status, Instant forecastDate, Page<Checkpoint> checkpoints) {

    public PublicParcelView {
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(forecastDate, "forecastDate");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** The public part of {@code parcel}, with one page of its checkpoints. */
    public static PublicParcelView of(Parcel parcel, Page<Checkpoint> checkpoints) {
        return new PublicParcelView(parcel.trackNumber(), parcel.name(), parcel.status(),
                parcel.details().forecastDate(), checkpoints);
    }
}
