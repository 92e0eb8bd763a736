package io.parceltrack.domain.notification;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.TraceText;
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
 *
 * <p>{@code trace} is the W3C {@code traceparent} of the request that caused the event, so that its
 * notifications can be followed in the logs; opaque here (adapters parse it), {@code null} when the
 * event was not caused within a trace.
 */
public record ParcelEvent(
        EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt,
        Kind kind, TelegramId manager, ParcelStatus statusBefore, CheckpointEffect effect, String trace) {

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
        if (trace != null && !TraceText.isValid(trace)) {
            throw new IllegalArgumentException("trace must be 1 to " + TraceText.MAX_LENGTH + " printable ASCII characters");
        }
    }

    /** An event caused outside any trace. */
    public ParcelEvent(EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt,
            Kind kind, TelegramId manager, ParcelStatus statusBefore, CheckpointEffect effect) {
        this(id, trackNumber, parcelName, checkpoint, occurredAt, kind, manager, statusBefore, effect, null);
    }

    /**
     * A checkpoint event as recorded before owner, previous status and effect were carried: its
     * checkpoint presumed to have become the parcel's latest, as every event then announced.
     */
    public ParcelEvent(EventId id, TrackNumber trackNumber, String parcelName, Checkpoint checkpoint, Instant occurredAt) {
        this(id, trackNumber, parcelName, checkpoint, occurredAt, Kind.CHECKPOINT_RECORDED, null, ParcelStatus.UNKNOWN,
                CheckpointEffect.presumed(checkpoint), null);
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

    /** The same event, caused within {@code trace} ({@code null}: within none). */
    public ParcelEvent withTrace(String trace) {
        return new ParcelEvent(id, trackNumber, parcelName, checkpoint, occurredAt, kind, manager, statusBefore, effect, trace);
    }

    /** The {@code traceparent} of the request that caused the event, if it was caused within a trace. */
    public Optional<String> knownTrace() {
        return Optional.ofNullable(trace);
    }

    public boolean isCheckpoint() {
        return kind == Kind.CHECKPOINT_RECORDED;
    }
}
