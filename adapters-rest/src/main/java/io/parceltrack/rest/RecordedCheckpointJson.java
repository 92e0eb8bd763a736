package io.parceltrack.rest;

import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;

/**
 * The answer to {@code POST /checkpoints}: the checkpoint as stored, and the parcel's status after
 * it (which differs from the checkpoint's when the checkpoint is older than the latest one).
 */
record RecordedCheckpointJson(
        String parcelTrackNumber,
        String checkpointTime,
        String checkpointPlace,
        String checkpointDescription,
        String checkpointParcelStatus,
        String parcelStatus) {

    static RecordedCheckpointJson of(Parcel parcelAfter, Checkpoint checkpoint) {
        CheckpointJson stored = CheckpointJson.of(parcelAfter.trackNumber(), checkpoint);
        return new RecordedCheckpointJson(
                stored.parcelTrackNumber(),
                stored.checkpointTime(),
                stored.checkpointPlace(),
                stored.checkpointDescription(),
                stored.checkpointParcelStatus(),
                parcelAfter.status().name());
    }
}
