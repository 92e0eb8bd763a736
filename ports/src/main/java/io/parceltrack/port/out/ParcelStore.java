package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
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

    /**
     * Locks the parcel, asks {@code decision} for the event its deletion makes, then deletes the
     * parcel, its checkpoints and its subscriptions and records the event for the outbox, all at
     * once. {@code false} (and nothing done) if the parcel is absent; if {@code decision} throws,
     * nothing is done and the exception propagates.
     */
    boolean deleteParcel(TrackNumber trackNumber, DeletionDecision decision);

    @FunctionalInterface
    interface DeletionDecision {
        /** Decides from the parcel as currently stored; must not have side effects of its own. */
        ParcelEvent decide(Parcel current);
    }

    /** A manager's parcels, newest first: by creation time, and among equal times the one stored last first. */
    Page<Parcel> findParcelsByOwner(TelegramId owner, PageRequest page);

    /**
     * A parcel's checkpoints, newest first: by checkpoint time, and among equal times the one
     * recorded last first. Empty for an absent parcel.
     */
    Page<Checkpoint> findCheckpoints(TrackNumber trackNumber, PageRequest page);
}
