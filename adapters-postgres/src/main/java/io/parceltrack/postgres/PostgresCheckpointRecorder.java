package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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
            WHERE p.track_number = ?
            FOR NO KEY UPDATE
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // Data-modifying WITH clauses all run, whether or not the main statement reads them.
    static final String WRITE_ALL = """
            WITH checkpoint AS (
                INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
                VALUES (?, ?, ?, ?, ?)
            ), parcel AS (
                UPDATE parcels SET status = ?, last_checkpoint_at = ?
                WHERE id = ?
            )
            INSERT INTO outbox (event_id, track_number, payload, trace)
            VALUES (?, ?, ?, ?)
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

    /**
     * Plain JDBC on the transaction's connection: this runs once per checkpoint, and JDBI's statement
     * machinery cost about as much CPU here as the driver's work (see docs/BENCHMARKS.md).
     */
    @Override
    public Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision) {
        return db.inTransactionOnConnection((handle, connection) -> {
            Optional<LockedParcel> locked = lock(connection, trackNumber);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            steps.reached(UnitOfWorkSteps.Step.PARCEL_LOCKED, handle);
            CheckpointRecord record = decision.decide(locked.get().parcel());
            store(connection, locked.get().id(), record);
            steps.reached(UnitOfWorkSteps.Step.ROWS_WRITTEN, handle);
            // Runs after the commit of the transaction this one may be part of (see PostgresIdempotencyStore).
            handle.afterCommit(signal::recorded);
            return Optional.of(record);
        });
    }

    private static Optional<LockedParcel> lock(Connection connection, TrackNumber trackNumber) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_PARCEL)) {
            statement.setString(1, trackNumber.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new LockedParcel(row.getLong("id"), ParcelRows.parcel(row))) : Optional.empty();
            }
        }
    }

    private void store(Connection connection, long parcelId, CheckpointRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WRITE_ALL)) {
            statement.setLong(1, parcelId);
            statement.setObject(2, Columns.timestamp(record.checkpoint().time()));
            statement.setString(3, record.checkpoint().place());
            statement.setString(4, record.checkpoint().description());
            statement.setString(5, record.checkpoint().status().name());
            statement.setString(6, record.parcel().status().name());
            statement.setObject(7, Columns.timestamp(record.parcel().lastCheckpointAt()));
            statement.setLong(8, parcelId);
            statement.setObject(9, record.event().id().value());
            statement.setString(10, record.event().trackNumber().value());
            statement.setBytes(11, outbox.payload(record.event()));
            statement.setString(12, record.event().trace());
            statement.executeUpdate();
        }
    }
}
