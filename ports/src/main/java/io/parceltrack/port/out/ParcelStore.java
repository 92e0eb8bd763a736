package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.Optional;

/** Parcels and their checkpoint history. Checkpoints are added through {@link RecordCheckpointPort}. */
public interface ParcelStore {
    /** Stores a new parcel; {@code false} (and nothing stored) if its track number is taken. */
    boolean insertParcel(Parcel parcel);

    Optional<Parcel> findParcel(TrackNumber trackNumber);

    /** Deletes the parcel, its checkpoints and its subscriptions; {@code false} if it was absent. */
    boolean deleteParcel(TrackNumber trackNumber);

    /** A manager's parcels, newest first: by creation time, and among equal times the one stored last first. */
    Page<Parcel> findParcelsByOwner(TelegramId owner, PageRequest page);

    /**
     * A parcel's checkpoints, newest first: by checkpoint time, and among equal times the one
     * recorded last first. Empty for an absent parcel.
     */
    Page<Checkpoint> findCheckpoints(TrackNumber trackNumber, PageRequest page);
}
