package io.parceltrack.port.out;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unit of work of the parcels database: adding a checkpoint, updating the parcel and
 * recording the event for the outbox happen together or not at all.
 */
public interface RecordCheckpointPort {

    /**
     * Asks {@code decision} what to record on the parcel as stored, and stores it: the checkpoint,
     * the parcel's new state and the event, atomically, and only onto the state it was decided on.
     * Concurrent checkpoints of one parcel are thus serialised; one that loses a race is decided
     * again on the state the winner left. If {@code decision} throws, nothing is stored and the
     * exception propagates. Empty if the parcel is absent.
     */
    Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision);

    @FunctionalInterface
    interface CheckpointDecision {
        /**
         * Decides from the parcel as currently stored; must not have side effects of its own, as it
         * may be asked again when the parcel changed before its answer was stored.
         */
        CheckpointRecord decide(Parcel current);
    }

    /** What to store: the parcel after the checkpoint, the checkpoint and its event. */
    record CheckpointRecord(Parcel parcel, Checkpoint checkpoint, ParcelEvent event) {
        public CheckpointRecord {
            Objects.requireNonNull(parcel, "parcel");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(event, "event");
        }
    }
}
