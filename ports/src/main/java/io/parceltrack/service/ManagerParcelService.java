package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.RecordCheckpointPort.CheckpointRecord;
import io.parceltrack.port.trace.CurrentTrace;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** What managers do with their parcels. */
public final class ManagerParcelService implements ManagerParcelUseCases {
    /** Tracking events are facts; a little slack covers clocks and time zones set wrong. */
    /** A collision among 26²·10⁹ numbers is rare; this many in a row means something is broken. */
    static final int TRACK_NUMBER_ATTEMPTS = 16;

    private final ParcelStore parcels;
    private final RecordCheckpointPort checkpoints;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public ManagerParcelService(
            ParcelStore parcels, RecordCheckpointPort checkpoints, Clock clock, RandomGenerator secureRandom) {
        this.parcels = parcels;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public Parcel addParcel(AddParcelCommand command) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < TRACK_NUMBER_ATTEMPTS; attempt++) {
            Parcel parcel = Parcel.register(TrackNumber.generate(secureRandom), command.details(), command.manager(), now);
            if (parcels.insertParcel(parcel)) {
                return parcel;
            }
        }
        throw new IllegalStateException("no free track number after " + TRACK_NUMBER_ATTEMPTS + " attempts");
    }

    @Override
    public Parcel getOwnParcel(TelegramId manager, TrackNumber trackNumber) {
        return existing(trackNumber).requireOwnedBy(manager);
    }

    @Override
    public void deleteParcel(TelegramId manager, TrackNumber trackNumber) {
        Instant now = clock.instant();
        boolean deleted = parcels.deleteParcel(trackNumber, current ->
                ParcelEvent.parcelDeleted(EventId.random(secureRandom), current.requireOwnedBy(manager), now)
                        .withTrace(CurrentTrace.traceparent()));
        if (!deleted) {
            throw parcelNotFound(trackNumber);
        }
    }

    @Override
    public Page<Parcel> listOwnParcels(TelegramId manager, PageRequest page) {
        return parcels.findParcelsByOwner(manager, page);
    }

    @Override
    public Parcel addCheckpoint(AddCheckpointCommand command) {
        Checkpoint checkpoint = command.checkpoint();
        Instant now = clock.instant();
        Checkpoint.requireNotTooFarAhead(checkpoint.time(), now);
        return checkpoints.recordCheckpoint(command.trackNumber(), current -> {
                    Parcel updated = current.requireOwnedBy(command.manager()).withCheckpoint(checkpoint);
                    // The event remembers the request's trace, so that its notifications can be followed.
                    ParcelEvent event = ParcelEvent.checkpointRecorded(EventId.random(secureRandom), current, checkpoint, now)
                            .withTrace(CurrentTrace.traceparent());
                    return new CheckpointRecord(updated, checkpoint, event);
                })
                .map(CheckpointRecord::parcel)
                .orElseThrow(() -> parcelNotFound(command.trackNumber()));
    }

    @Override
    public Page<Checkpoint> listOwnParcelCheckpoints(TelegramId manager, TrackNumber trackNumber, PageRequest page) {
        getOwnParcel(manager, trackNumber);
        return parcels.findCheckpoints(trackNumber, page);
    }

    private Parcel existing(TrackNumber trackNumber) {
        return parcels.findParcel(trackNumber).orElseThrow(() -> parcelNotFound(trackNumber));
    }

    static NotFoundException parcelNotFound(TrackNumber trackNumber) {
        return new NotFoundException(Subject.PARCEL, "no parcel with track number " + trackNumber);
    }
}
