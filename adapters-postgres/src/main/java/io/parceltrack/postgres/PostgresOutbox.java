package io.parceltrack.postgres;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.notification.Event;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Parcel events waiting for the broker, in the parcels database. They are written by
 * {@link PostgresCheckpointRecorder} in the checkpoint's transaction, as the protobuf bytes the
 * broker carries, and deleted once published.
 */
public final class PostgresOutbox implements OutboxStore {
    /**
     * Key of the transaction-scoped advisory lock that makes drains exclusive across processes
     * ("PT outbox" in ASCII, to be recognisable in {@code pg_locks}).
     */
    static final long DRAIN_LOCK = 0x5054_206F_7574_626FL;

    private static final String TRY_DRAIN_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";
    private static final String INSERT = """
            INSERT INTO outbox (event_id, track_number, payload)
            VALUES (:eventId, :trackNumber, :payload)
            """;
    static final String OLDEST = """
            SELECT id, payload
            FROM outbox
            ORDER BY id
            LIMIT :limit
            """;
    // By the ids read, never "up to the highest id read": rows of transactions that committed late
    // may hold lower ids than rows already seen.
    private static final String DELETE = "DELETE FROM outbox WHERE id IN (<ids>)";

    private record Row(long id, byte[] payload) {}

    private final TranslatedJdbi db;

    PostgresOutbox(TranslatedJdbi db) {
        this.db = db;
    }

    /** Records an event in the caller's transaction. */
    static void append(Handle handle, ParcelEvent event) {
        handle.createUpdate(INSERT)
                .bind("eventId", event.id().value())
                .bind("trackNumber", event.trackNumber().value())
                .bind("payload", ProtoMapping.toProto(event).toByteArray())
                .execute();
    }

    /**
     * Publishes inside the transaction that holds the drain lock, so that a second drain, here or in
     * another process, finds the lock taken and returns 0 at once instead of overtaking this one.
     */
    @Override
    public int drain(int limit, EventPublisher publisher) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.inTransaction(handle -> {
            boolean ours = handle.createQuery(TRY_DRAIN_LOCK).bind("key", DRAIN_LOCK).mapTo(Boolean.class).one();
            if (!ours) {
                return 0;
            }
            List<Row> rows = handle.createQuery(OLDEST)
                    .bind("limit", limit)
                    .map((row, context) -> new Row(row.getLong("id"), row.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            publisher.publish(rows.stream().map(PostgresOutbox::event).toList());
            handle.createUpdate(DELETE).bindList("ids", rows.stream().map(Row::id).toList()).execute();
            return rows.size();
        });
    }

    private static ParcelEvent event(Row row) {
        try {
            return ProtoMapping.toDomain(Event.parseFrom(row.payload()));
        } catch (InvalidProtocolBufferException e) {
            // Only this class writes the payload, so this is a bug, not bad input; it blocks the
            // outbox until fixed rather than dropping an event.
            throw new IllegalStateException("outbox row " + row.id() + " does not hold a parcel event", e);
        }
    }
}
