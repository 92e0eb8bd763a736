package io.parceltrack.domain.notification;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something happened to a parcel: a checkpoint was added, or the parcel was deleted. Recorded in
 * the same transaction, then published to subscribers and webhooks.
 *
 * <p>{@code checkpoint} and {@code effect} (the parcel's status afterwards, and whether the
 * checkpoint came late) are present exactly for {@link Kind#CHECKPOINT_RECORDED}. {@code manager}
 * is the parcel's owner, carried so that a consumer can find the manager's webhooks even once the
 * parcel is gone; {@code null} only in events recorded before it was carried. {@code statusBefore}
 * is the parcel's status before the event ({@link ParcelStatus#UNKNOWN} in such old events).
 */
public record ParcelEvent(
        EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt,
        Kind kind, TelegramId manager, ParcelStatus statusBefore, CheckpointEffect effect) {

    public enum Kind { CHECKPOINT_RECORDED, PARCEL_DELETED }

    public ParcelEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(parcelName, "parcelName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(statusBefore, "statusBefore");
        boolean deletion = kind == Kind.PARCEL_DELETED;
        if ((checkpoint == null) != deletion || (effect == null) != deletion) {
            throw new IllegalArgumentException("a checkpoint event carries its checkpoint and effect, a deletion neither");
        }
        occurredAt = StoredPrecision.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
    }

    /**
     * A checkpoint event as recorded before owner, previous status and effect were carried: its
     * checkpoint presumed to have become the parcel's latest, as every event then announced.
     */
    public ParcelEvent(EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt) {
        this(id, trackNumber, parcelName, checkpoint, occurredAt, Kind.CHECKPOINT_RECORDED, null, ParcelStatus.UNKNOWN,
                CheckpointEffect.presumed(checkpoint));
    }

    /** {@code checkpoint} was added to {@code before}, the parcel as it was until then. */
    public static ParcelEvent checkpointRecorded(EventId id, Parcel before, Checkpoint checkpoint, Instant now) {
        return new ParcelEvent(id, before.trackNumber(), before.name(), checkpoint, now, Kind.CHECKPOINT_RECORDED,
                before.owner(), before.status(), CheckpointEffect.of(before, checkpoint));
    }

    /** {@code parcel} was deleted, as it was at that moment. */
    public static ParcelEvent parcelDeleted(EventId id, Parcel parcel, Instant now) {
        return new ParcelEvent(id, parcel.trackNumber(), parcel.name(), null, now, Kind.PARCEL_DELETED,
                parcel.owner(), parcel.status(), null);
    }

    /** The parcel's owner, if the event says (events recorded before it was carried do not). */
    public Optional<TelegramId> knownManager() {
        return Optional.ofNullable(manager);
    }

    public boolean isCheckpoint() {
        return kind == Kind.CHECKPOINT_RECORDED;
    }
}
