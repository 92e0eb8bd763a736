package io.parceltrack.domain.notification;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint was added to a parcel. Recorded with the checkpoint, then published to subscribers.
 * {@code effect} is the parcel's status afterwards and whether the checkpoint came late.
 */
public record ParcelEvent(
        EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt,
        CheckpointEffect effect) {
    public ParcelEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(parcelName, "parcelName");
        Objects.requireNonNull(checkpoint, "checkpoint");
        occurredAt = StoredPrecision.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        Objects.requireNonNull(effect, "effect");
    }

    /** An event whose checkpoint became the parcel's latest, as every event was before effects were recorded. */
    public ParcelEvent(EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt) {
        this(id, trackNumber, parcelName, checkpoint, occurredAt, CheckpointEffect.presumed(checkpoint));
    }
}
