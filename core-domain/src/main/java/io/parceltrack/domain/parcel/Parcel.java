package io.parceltrack.domain.parcel;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A parcel and its current status. The status is that of its latest checkpoint, latest by
 * checkpoint time (ties go to the one recorded last); {@code lastCheckpointAt} is that time, or
 * {@code null} while the parcel has no checkpoints.
 */
public record Parcel(
        TrackNumber trackNumber,
        ParcelDetails details,
        TelegramId owner,
        ParcelStatus status,
        Instant createdAt,
        Instant lastCheckpointAt) {

    public Parcel {
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        createdAt = StoredPrecision.micros(createdAt);
        lastCheckpointAt = StoredPrecision.micros(lastCheckpointAt);
    }

    /** A new parcel is pending until its first checkpoint says otherwise. */
    public static Parcel register(TrackNumber trackNumber, ParcelDetails details, TelegramId owner, Instant now) {
        return new Parcel(trackNumber, details, owner, ParcelStatus.PENDING, now, null);
    }

    public String name() {
        return details.name();
    }

    public boolean isOwnedBy(TelegramId manager) {
        return owner.equals(manager);
    }

    /** Managers may only see and change their own parcels. */
    public Parcel requireOwnedBy(TelegramId manager) {
        if (!isOwnedBy(manager)) {
            throw new AccessDeniedException("parcel " + trackNumber + " belongs to another manager");
        }
        return this;
    }

    /** Whether the parcel's latest checkpoint is dated after {@code checkpoint}, which then comes late. */
    public boolean isLaterThan(Checkpoint checkpoint) {
        return lastCheckpointAt != null && checkpoint.time().isBefore(lastCheckpointAt);
    }

    public Optional<Instant> lastCheckpointTime() {
        return Optional.ofNullable(lastCheckpointAt);
    }

    /**
     * The parcel after {@code checkpoint} is added. Refused once the parcel is delivered or
     * canceled. A checkpoint dated before the latest one joins the history without changing the
     * status.
     */
    public Parcel withCheckpoint(Checkpoint checkpoint) {
        if (status.isFinal()) {
            throw new ConflictException("parcel " + trackNumber + " is already " + status
                    + "; no checkpoint can follow a final status");
        }
        if (isLaterThan(checkpoint)) {
            return this;
        }
        return new Parcel(trackNumber, details, owner, checkpoint.status(), createdAt, checkpoint.time());
    }
}
