package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The unit of work of the parcels database: the checkpoint, the parcel's new status and the outbox
 * event are written together, and only onto the parcel as the decision saw it, so that each
 * decision sees the state the previous checkpoint of the parcel left.
 *
 * <p>Two round trips when nothing races: read the parcel with its row version, then one statement
 * that updates the parcel only if its row version is still the one read, and writes the checkpoint
 * and the event only if it did. The row version is PostgreSQL's {@code xmin}, the transaction that
 * wrote the row as it is: every committed change of the row replaces it (a row lock does not), and
 * if a concurrent change commits while the statement waits for the row, the statement checks the
 * new row and finds another version. Outside a caller's transaction that statement commits on its
 * own, so the parcel's row is locked for one statement and its commit, not across round trips.
 *
 * <p>If the parcel changed in between (another checkpoint of it committed first), the statement
 * wrote nothing, and the checkpoint is recorded the pessimistic way: lock and read the parcel,
 * decide again on the state as it now is, write, commit. Every write is thus a decision on the row
 * it lands on, never on a row that was. For a second after such a lost race, checkpoints of that
 * parcel take the pessimistic path at once ({@link ContendedParcels}). Once committed, the
 * {@link OutboxSignal} wakes the relay.
 */
public final class PostgresCheckpointRecorder implements RecordCheckpointPort {
    static final String READ_PARCEL = """
            SELECT %s, p.xmin AS row_version
            FROM parcels p
            WHERE p.track_number = ?
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // NO KEY UPDATE rather than UPDATE: the key does not change, so subscribing to the parcel (whose
    // foreign key check takes a KEY SHARE lock) need not wait for a checkpoint; deleting it still does.
    static final String LOCK_PARCEL = READ_PARCEL + "FOR NO KEY UPDATE\n";
    // The parcel's update comes first and the two inserts take their rows from what it returned:
    // no parcel updated, nothing inserted. (Data-modifying WITH clauses all run, whether or not the
    // main statement reads them.) The main statement's row count says which it was.
    static final String WRITE_IF_UNCHANGED = """
            WITH parcel AS (
                UPDATE parcels SET status = ?, last_checkpoint_at = ?
                WHERE id = ? AND xmin = ?::xid
                RETURNING id
            ), checkpoint AS (
                INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
                SELECT id, ?, ?, ?, ? FROM parcel
            )
            INSERT INTO outbox (event_id, track_number, payload, trace)
            SELECT ?, ?, ?, ? FROM parcel
            """;

    /** A parcel as stored: its row's id and version, and the parcel. */
    private record StoredParcel(long id, String rowVersion, Parcel parcel) {}

    /** One attempt: recorded, no such parcel, or the parcel changed since it was read. */
    private record Attempt(Optional<CheckpointRecord> recorded, boolean parcelChanged) {
        static final Attempt ABSENT = new Attempt(Optional.empty(), false);
        static final Attempt CHANGED = new Attempt(Optional.empty(), true);
    }

    private final TranslatedJdbi db;
    private final PostgresOutbox outbox;
    private final OutboxSignal signal;
    private final UnitOfWorkSteps steps;
    private final ContendedParcels contended = new ContendedParcels();

    PostgresCheckpointRecorder(TranslatedJdbi db, PostgresOutbox outbox, OutboxSignal signal, UnitOfWorkSteps steps) {
        this.db = db;
        this.outbox = outbox;
        this.signal = signal;
        this.steps = steps;
    }

    /**
     * Plain JDBC on the handle's connection: this runs once per checkpoint, and JDBI's statement
     * machinery cost about as much CPU here as the driver's work (see docs/BENCHMARKS.md). Inside a
     * caller's transaction (an idempotency key's) both attempts join it.
     */
    @Override
    public Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision) {
        if (!contended.isContended(trackNumber)) {
            Attempt optimistic = db.withHandleOnConnection(
                    (handle, connection) -> attempt(handle, connection, READ_PARCEL, trackNumber, decision));
            if (!optimistic.parcelChanged()) {
                return optimistic.recorded();
            }
            contended.lostRace(trackNumber);
        }
        return db.inTransactionOnConnection((handle, connection) -> {
            Attempt locked = attempt(handle, connection, LOCK_PARCEL, trackNumber, decision);
            if (locked.parcelChanged()) {
                throw new IllegalStateException("parcel " + trackNumber + " changed under its row lock");
            }
            return locked.recorded();
        });
    }

    /** Reads the parcel with {@code readSql} (locking it or not), asks the decision, writes if unchanged. */
    private Attempt attempt(Handle handle, Connection connection, String readSql, TrackNumber trackNumber,
            CheckpointDecision decision) throws SQLException {
        Optional<StoredParcel> stored = read(connection, readSql, trackNumber);
        if (stored.isEmpty()) {
            return Attempt.ABSENT;
        }
        steps.reached(UnitOfWorkSteps.Step.PARCEL_READ, handle);
        CheckpointRecord record = decision.decide(stored.get().parcel());
        if (!writeIfUnchanged(connection, stored.get(), record)) {
            return Attempt.CHANGED;
        }
        recorded(handle);
        return new Attempt(Optional.of(record), false);
    }

    /** The rows are written; the relay is told once they are committed. */
    private void recorded(Handle handle) {
        steps.reached(UnitOfWorkSteps.Step.ROWS_WRITTEN, handle);
        if (handle.isInTransaction()) {
            // Runs after the commit of the transaction this one is part of (see PostgresIdempotencyStore).
            handle.afterCommit(signal::recorded);
        } else {
            signal.recorded();
        }
    }

    private static Optional<StoredParcel> read(Connection connection, String sql, TrackNumber trackNumber)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, trackNumber.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoredParcel(row.getLong("id"), row.getString("row_version"), ParcelRows.parcel(row)))
                        : Optional.empty();
            }
        }
    }

    private boolean writeIfUnchanged(Connection connection, StoredParcel stored, CheckpointRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WRITE_IF_UNCHANGED)) {
            statement.setString(1, record.parcel().status().name());
            statement.setObject(2, Columns.timestamp(record.parcel().lastCheckpointAt()));
            statement.setLong(3, stored.id());
            statement.setString(4, stored.rowVersion());
            statement.setObject(5, Columns.timestamp(record.checkpoint().time()));
            statement.setString(6, record.checkpoint().place());
            statement.setString(7, record.checkpoint().description());
            statement.setString(8, record.checkpoint().status().name());
            statement.setObject(9, record.event().id().value());
            statement.setString(10, record.event().trackNumber().value());
            statement.setBytes(11, outbox.payload(record.event()));
            statement.setString(12, record.event().trace());
            return statement.executeUpdate() == 1;
        }
    }
}
