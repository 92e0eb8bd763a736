package io.parceltrack.domain.parcel;

import java.util.Objects;

/**
 * What recording a checkpoint did to its parcel, as subscribers must hear it: the parcel's status
 * afterwards, and whether the checkpoint was recorded late, i.e. dated before the parcel's latest
 * checkpoint. A late checkpoint joins the history without changing the status, so its own status
 * is not the parcel's.
 */
public record CheckpointEffect(ParcelStatus parcelStatus, boolean recordedLate) {
    public CheckpointEffect {
        Objects.requireNonNull(parcelStatus, "parcelStatus");
        if (parcelStatus == ParcelStatus.UNKNOWN) {
            throw new IllegalArgumentException("a parcel with a checkpoint has a known status");
        }
    }

    /** The effect of adding {@code checkpoint} to {@code before}; refused as {@link Parcel#withCheckpoint} refuses. */
    public static CheckpointEffect of(Parcel before, Checkpoint checkpoint) {
        return new CheckpointEffect(before.withCheckpoint(checkpoint).status(), before.isLaterThan(checkpoint));
    }

    /**
     * The effect assumed for messages written before it was recorded: the checkpoint's status, on
     * time. That is what those messages used to announce.
     */
    public static CheckpointEffect presumed(Checkpoint checkpoint) {
        return new CheckpointEffect(checkpoint.status(), false);
    }
}
