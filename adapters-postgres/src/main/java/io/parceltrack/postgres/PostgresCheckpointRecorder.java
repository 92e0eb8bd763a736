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
    private static final String INSERT_CHECKPOINT = """
            INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
            VALUES (:parcelId, :time, :place, :description, :status)
            """;
    private static final String UPDATE_PARCEL = """
            UPDATE parcels SET status = :status, last_checkpoint_at = :lastCheckpointAt
            WHERE id = :parcelId
            """;

    private record LockedParcel(long id, Parcel parcel) {}

    private final TranslatedJdbi db;

    PostgresCheckpointRecorder(TranslatedJdbi db) {
        this.db = db;
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
            CheckpointRecord record = decision.decide(locked.get().parcel());
            store(handle, locked.get().id(), record);
            return Optional.of(record);
        });
    }

    private static void store(Handle handle, long parcelId, CheckpointRecord record) {
        handle.createUpdate(INSERT_CHECKPOINT)
                .bind("parcelId", parcelId)
                .bind("time", record.checkpoint().time())
                .bind("place", record.checkpoint().place())
                .bind("description", record.checkpoint().description())
                .bind("status", record.checkpoint().status().name())
                .execute();
        handle.createUpdate(UPDATE_PARCEL)
                .bind("parcelId", parcelId)
                .bind("status", record.parcel().status().name())
                .bind("lastCheckpointAt", record.parcel().lastCheckpointAt())
                .execute();
        PostgresOutbox.append(handle, record.event());
    }
}
