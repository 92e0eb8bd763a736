package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The unit of work of the parcels database: the checkpoint, the parcel's new status and the outbox
 * event are written in one transaction, on the parcel's row lock. The lock serialises checkpoints
 * of one parcel, so each decision sees the state the previous one left.
 *
 * <p>Three round trips: lock and read the parcel, write all three rows in one statement, commit.
 * The lock is held for all of them (a flush included), so every round trip saved is time other
 * checkpoints of the parcel do not wait. Once committed, the {@link OutboxSignal} wakes the relay.
 */
public final class PostgresCheckpointRecorder implements RecordCheckpointPort {
    // NO KEY UPDATE rather than UPDATE: the key does not change, so subscribing to the parcel (whose
    // foreign key check takes a KEY SHARE lock) need not wait for a checkpoint; deleting it still does.
    static final String LOCK_PARCEL = """
            SELECT %s
            FROM parcels p
            WHERE p.track_number = :trackNumber
            FOR NO KEY UPDATE
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // Data-modifying WITH clauses all run, whether or not the main statement reads them.
    static final String WRITE_ALL = """
            WITH checkpoint AS (
                INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
                VALUES (:parcelId, :time, :place, :description, :checkpointStatus)
            ), parcel AS (
                UPDATE parcels SET status = :parcelStatus, last_checkpoint_at = :lastCheckpointAt
                WHERE id = :parcelId
            )
            INSERT INTO outbox (event_id, track_number, payload, trace)
            VALUES (:eventId, :trackNumber, :payload, :trace)
            """;

    private record LockedParcel(long id, Parcel parcel) {}

    private final TranslatedJdbi db;
    private final PostgresOutbox outbox;
    private final OutboxSignal signal;
    private final UnitOfWorkSteps steps;

    PostgresCheckpointRecorder(TranslatedJdbi db, PostgresOutbox outbox, OutboxSignal signal, UnitOfWorkSteps steps) {
        this.db = db;
        this.outbox = outbox;
        this.signal = signal;
        this.steps = steps;
    }

    @Override
    public Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision) {
        return db.inTransaction(handle -> {
            Optional<LockedParcel> locked = handle.createQuery(LOCK_PARCEL)
                    .bind("trackNumber", trackNumber.value())
                    .map((row, context) -> new LockedParcel(row.getLong("id"), ParcelRows.parcel(row)))
                    .findOne();
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            steps.reached(UnitOfWorkSteps.Step.PARCEL_LOCKED, handle);
            CheckpointRecord record = decision.decide(locked.get().parcel());
            store(handle, locked.get().id(), record);
            steps.reached(UnitOfWorkSteps.Step.ROWS_WRITTEN, handle);
            // Runs after the commit of the transaction this one may be part of (see PostgresIdempotencyStore).
            handle.afterCommit(signal::recorded);
            return Optional.of(record);
        });
    }

    private void store(Handle handle, long parcelId, CheckpointRecord record) {
        handle.createUpdate(WRITE_ALL)
                .bind("parcelId", parcelId)
                .bind("time", record.checkpoint().time())
                .bind("place", record.checkpoint().place())
                .bind("description", record.checkpoint().description())
                .bind("checkpointStatus", record.checkpoint().status().name())
                .bind("parcelStatus", record.parcel().status().name())
                .bind("lastCheckpointAt", record.parcel().lastCheckpointAt())
                .bind("eventId", record.event().id().value())
                .bind("trackNumber", record.event().trackNumber().value())
                .bind("payload", outbox.payload(record.event()))
                .bind("trace", record.event().trace())
                .execute();
    }
}
