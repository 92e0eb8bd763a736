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
     * Locks the parcel against concurrent changes, asks {@code decision} what to record, and stores
     * it: the checkpoint, the parcel's new state and the event, atomically. If {@code decision}
     * throws, nothing is stored and the exception propagates. Empty if the parcel is absent.
     */
    Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision);

    @FunctionalInterface
    interface CheckpointDecision {
        /** Decides from the parcel as currently stored; must not have side effects of its own. */
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
