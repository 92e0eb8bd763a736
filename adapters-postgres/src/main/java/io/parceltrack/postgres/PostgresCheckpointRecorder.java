package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.postgres.RecentParcels.StoredParcel;
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
 * <p>One statement does the writing: it updates the parcel only if its row version is still the
 * one the decision saw, writes the checkpoint and the event only if it did, and returns the row as
 * it is afterwards (the new version if it wrote, else the row as another change left it). The row
 * version is PostgreSQL's {@code xmin}, the transaction that wrote the row as it is: every committed
 * change of the row replaces it (a row lock does not), and if a concurrent change commits while the
 * statement waits for the row, the statement checks the new row and finds another version. Outside a
 * caller's transaction that statement commits on its own, so the parcel's row is locked for one
 * statement and its commit, not across round trips.
 *
 * <p>Round trips when nothing races: one, when this process wrote the parcel's previous checkpoint
 * and remembers the row it left ({@link RecentParcels}); else two, reading the parcel with its row
 * version first. If a remembered row is stale (another process changed the parcel since), the
 * statement wrote nothing and returned the row as it now is, and the checkpoint is decided again on
 * that: two round trips, as without the memory. If the parcel changed between a read and the write
 * (another checkpoint of it committed first), the checkpoint is recorded the pessimistic way: lock
 * and read the parcel, decide again on the state as it now is, write, commit. Every write is thus a
 * decision on the row it lands on, never on a row that was. For a second after such a lost race,
 * checkpoints of that parcel take the pessimistic path at once ({@link ContendedParcels}). Once
 * committed, the {@link OutboxSignal} wakes the relay.
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
    // main statement reads them.) The main statement returns the updated row, or, when nothing was
    // updated, the row as the statement's snapshot has it (none if the parcel is gone); the second
    // branch is skipped without a scan when the first returned a row.
    static final String WRITE_IF_UNCHANGED = """
            WITH parcel AS (
                UPDATE parcels p SET status = ?, last_checkpoint_at = ?
                WHERE p.id = ? AND p.xmin = ?::xid
                RETURNING %1$s, p.xmin AS row_version
            ), checkpoint AS (
                INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
                SELECT id, ?, ?, ?, ? FROM parcel
            ), event AS (
                INSERT INTO outbox (event_id, track_number, payload, trace)
                SELECT ?, ?, ?, ? FROM parcel
            )
            SELECT p.*, true AS written FROM parcel p
            UNION ALL
            SELECT %1$s, p.xmin AS row_version, false AS written
            FROM parcels p
            WHERE p.id = ? AND NOT EXISTS (SELECT 1 FROM parcel)
            """.formatted(ParcelRows.PARCEL_COLUMNS);

    /** What the writing statement did: wrote (the row is the new one) or not (the row as it is, if any). */
    private record Write(boolean written, Optional<StoredParcel> row) {}

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
    private final RecentParcels recent;

    PostgresCheckpointRecorder(TranslatedJdbi db, PostgresOutbox outbox, OutboxSignal signal, UnitOfWorkSteps steps) {
        this(db, outbox, signal, steps, new RecentParcels());
    }

    PostgresCheckpointRecorder(TranslatedJdbi db, PostgresOutbox outbox, OutboxSignal signal, UnitOfWorkSteps steps,
            RecentParcels recent) {
        this.db = db;
        this.outbox = outbox;
        this.signal = signal;
        this.steps = steps;
        this.recent = recent;
    }

    /** What this recorder remembers (for tests). */
    RecentParcels recentParcels() {
        return recent;
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
                    (handle, connection) -> optimistic(handle, connection, trackNumber, decision));
            if (!optimistic.parcelChanged()) {
                return optimistic.recorded();
            }
            contended.lostRace(trackNumber);
        }
        recent.forget(trackNumber);
        return db.inTransactionOnConnection((handle, connection) -> {
            Optional<StoredParcel> locked = read(connection, LOCK_PARCEL, trackNumber);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Attempt attempt = attemptOn(handle, connection, locked.get(), decision);
            if (attempt.parcelChanged()) {
                throw new IllegalStateException("parcel " + trackNumber + " changed under its row lock");
            }
            return attempt.recorded();
        });
    }

    /**
     * Decides on the parcel as this process last left it, if it remembers it and the decision holds;
     * else, or if the row changed since, on the row as it is.
     */
    private Attempt optimistic(Handle handle, Connection connection, TrackNumber trackNumber, CheckpointDecision decision)
            throws SQLException {
        Optional<StoredParcel> remembered = recent.get(trackNumber);
        if (remembered.isPresent()) {
            Optional<CheckpointRecord> record = decideOnRemembered(remembered.get(), decision);
            if (record.isPresent()) {
                steps.reached(UnitOfWorkSteps.Step.PARCEL_READ, handle);
                Write write = writeIfUnchanged(connection, remembered.get(), record.get());
                if (write.written()) {
                    recorded(handle, write.row().orElseThrow());
                    return new Attempt(record, false);
                }
                recent.forget(trackNumber);
                if (write.row().isPresent()) {
                    // Changed by someone else since this process wrote it: the row as it is now is a read.
                    return attemptOn(handle, connection, write.row().get(), decision);
                }
                // The row is gone; a parcel of that track number may be another row: look it up.
            } else {
                recent.forget(trackNumber);
            }
        }
        Optional<StoredParcel> stored = read(connection, READ_PARCEL, trackNumber);
        return stored.isEmpty() ? Attempt.ABSENT : attemptOn(handle, connection, stored.get(), decision);
    }

    /**
     * The decision on a remembered parcel, or empty if it refuses it: the refusal may be the
     * remembered state's (stale) doing, so it is asked again on the row as it is.
     */
    private static Optional<CheckpointRecord> decideOnRemembered(StoredParcel remembered, CheckpointDecision decision) {
        try {
            return Optional.of(decision.decide(remembered.parcel()));
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
    }

    /** Asks the decision on a parcel just read (locked or not) and writes it if the row is unchanged. */
    private Attempt attemptOn(Handle handle, Connection connection, StoredParcel stored, CheckpointDecision decision)
            throws SQLException {
        steps.reached(UnitOfWorkSteps.Step.PARCEL_READ, handle);
        CheckpointRecord record = decision.decide(stored.parcel());
        Write write = writeIfUnchanged(connection, stored, record);
        if (!write.written()) {
            return Attempt.CHANGED;
        }
        recorded(handle, write.row().orElseThrow());
        return new Attempt(Optional.of(record), false);
    }

    /** The rows are written; the relay is told, and the new row remembered, once they are committed. */
    private void recorded(Handle handle, StoredParcel written) {
        steps.reached(UnitOfWorkSteps.Step.ROWS_WRITTEN, handle);
        Runnable committed = () -> {
            signal.recorded();
            recent.remember(written);
        };
        if (handle.isInTransaction()) {
            // Runs after the commit of the transaction this one is part of (see PostgresIdempotencyStore).
            handle.afterCommit(committed);
        } else {
            committed.run();
        }
    }

    private static Optional<StoredParcel> read(Connection connection, String sql, TrackNumber trackNumber)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, trackNumber.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(stored(row)) : Optional.empty();
            }
        }
    }

    private static StoredParcel stored(ResultSet row) throws SQLException {
        return new StoredParcel(row.getLong("id"), row.getString("row_version"), ParcelRows.parcel(row));
    }

    private Write writeIfUnchanged(Connection connection, StoredParcel stored, CheckpointRecord record) throws SQLException {
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
            statement.setLong(13, stored.id());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new Write(false, Optional.empty());
                }
                return new Write(row.getBoolean("written"), Optional.of(stored(row)));
            }
        }
    }
}
