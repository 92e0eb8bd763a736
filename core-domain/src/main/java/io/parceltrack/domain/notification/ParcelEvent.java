package io.parceltrack.domain.notification;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.Objects;

/** A checkpoint was added to a parcel. Recorded with the checkpoint, then published to subscribers. */
public record ParcelEvent(
        EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt) {
    public ParcelEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(parcelName, "parcelName");
        Objects.requireNonNull(checkpoint, "checkpoint");
        occurredAt = StoredPrecision.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
    }
}
