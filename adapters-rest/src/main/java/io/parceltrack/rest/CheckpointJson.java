package io.parceltrack.rest;

import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.TrackNumber;

/** A checkpoint as {@code GET /parcels/{track-number}/checkpoints} lists it: the fields it was posted with. */
record CheckpointJson(
        String parcelTrackNumber,
        String checkpointTime,
        String checkpointPlace,
        String checkpointDescription,
        String checkpointParcelStatus) {

    static CheckpointJson of(TrackNumber trackNumber, Checkpoint checkpoint) {
        return new CheckpointJson(
                trackNumber.value(),
                ApiValues.time(checkpoint.time()),
                ApiValues.optionalText(checkpoint.place()),
                ApiValues.optionalText(checkpoint.description()),
                checkpoint.status().name());
    }
}
