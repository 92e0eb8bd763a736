package io.parceltrack.postgres;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.OutboxBacklog;
import io.parceltrack.port.out.OutboxStore;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parcel events waiting for the broker, in the parcels database. They are written in the
 * transaction of what they tell (a checkpoint by {@link PostgresCheckpointRecorder}, a deletion), encoded by the app's
 * {@link OutboxPayloadFormat}, and deleted once published. Who waits for them is told through an
 * {@link OutboxSignal} after each commit.
 */
public final class PostgresOutbox implements OutboxStore, OutboxBacklog {
    /**
     * Events published between two vacuums of the outbox by the drain itself. The drain reads the
     * oldest rows through the primary key, and the index entries of rows deleted since the last
     * vacuum lie in that path: every read walks all of them (about 2 ns each once marked dead, more
     * before), so without a vacuum the relay's reads grow with every event ever published. Autovacuum
     * wakes up once a minute at best (a minute of 1,500 events/s is 90,000 entries) and may be off; a
     * vacuum of 10,000 deleted rows takes a few milliseconds, i.e. well under a microsecond per event.
     */
    static final int VACUUM_AFTER_EVENTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutbox.class);
    /**
     * Key of the transaction-scoped advisory lock that makes drains exclusive across processes
     * ("PT outbox" in ASCII, to be recognisable in {@code pg_locks}).
     */
    static final long DRAIN_LOCK = 0x5054_206F_7574_626FL;

    private static final String INSERT = """
            INSERT INTO outbox (event_id, track_number, payload, trace)
            VALUES (:eventId, :trackNumber, :payload, :trace)
            """;
    // The outbox holds only what waits (published rows are deleted), so counting it stays cheap.
    private static final String BACKLOG = "SELECT count(*) AS events, min(recorded_at) AS oldest FROM outbox";
    // With the lock, for this transaction only: no sequential scans. The reads below are the oldest
    // rows and rows by id, which the primary key serves whatever the table's statistics say; but
    // right after a vacuum (see VACUUM_AFTER_EVENTS) those say "few rows on many pages", and the
    // planner then prefers reading every page of the table and sorting what it finds.
    static final String NO_SEQUENTIAL_SCANS = "set_config('enable_seqscan', 'off', true)";
    private static final String TRY_DRAIN_LOCK =
            "SELECT " + NO_SEQUENTIAL_SCANS + ", pg_try_advisory_xact_lock(:key) AS locked";
    // A statement of its own, after the lock's: its snapshot must be taken once the lock is held.
    // Read in the lock's statement, a drain could see rows that the drain releasing the lock
    // deleted and committed in between, and publish them again.
    static final String OLDEST = """
            SELECT id, payload, trace
            FROM outbox
            ORDER BY id
            LIMIT :limit
            """;
    // By the ids read, never "up to the highest id read": rows of transactions that committed late
    // may hold lower ids than rows already seen. One array parameter, so that it is one prepared
    // statement whatever the batch's size.
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY(:ids)";
    // SKIP_LOCKED: a vacuum already running (autovacuum, another instance's drain) does the work.
    // TRUNCATE false: giving the emptied end of the table back would take a lock that the
    // checkpoints' inserts queue behind; the space is reused instead.
    static final String VACUUM = "VACUUM (SKIP_LOCKED, TRUNCATE false) outbox";

    private record Row(long id, byte[] payload, String trace) {}

    private final TranslatedJdbi db;
    private final OutboxPayloadFormat format;
    private final OutboxSignal signal;
    private final AtomicInteger publishedSinceVacuum = new AtomicInteger();

    PostgresOutbox(TranslatedJdbi db, OutboxPayloadFormat format, OutboxSignal signal) {
        this.db = db;
        this.format = format;
        this.signal = signal;
    }

    /** The payload column's bytes for {@code event}. */
    byte[] payload(ParcelEvent event) {
        return format.write(event);
    }

    /**
     * Records {@code event} in the caller's transaction (the checkpoint's unit of work writes its own
     * in one statement with its rows); who waits is told once that transaction commits.
     */
    void append(Handle handle, ParcelEvent event) {
        handle.createUpdate(INSERT)
                .bind("eventId", event.id().value())
                .bind("trackNumber", event.trackNumber().value())
                .bind("payload", payload(event))
                .bind("trace", event.trace())
                .execute();
        handle.afterCommit(signal::recorded);
    }

    @Override
    public Backlog backlog() {
        return db.withHandle(handle -> handle.createQuery(BACKLOG)
                .map((rs, ctx) -> {
                    long events = rs.getLong("events");
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return events == 0 || oldest == null ? Backlog.EMPTY : new Backlog(events, oldest.toInstant());
                })
                .one());
    }

    @Override
    public void onRecorded(Runnable listener) {
        signal.subscribe(listener);
    }

    /**
     * Publishes inside the transaction that holds the drain lock, so that a second drain, here or in
     * another process, finds the lock taken and returns 0 at once instead of overtaking this one.
     * Four round trips: take the lock, read, delete what was published, commit. Every
     * {@value #VACUUM_AFTER_EVENTS} events published here, a vacuum of the outbox follows the commit.
     */
    @Override
    public int drain(int limit, EventPublisher publisher) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        int published = publishAndDelete(limit, publisher);
        if (published > 0 && publishedSinceVacuum.addAndGet(published) >= VACUUM_AFTER_EVENTS) {
            publishedSinceVacuum.set(0);
            vacuum();
        }
        return published;
    }

    /**
     * Outside the drain's transaction (VACUUM cannot run in one), after its commit. A failure is
     * logged, not thrown: the events are published and their rows deleted, and the next vacuum, or
     * autovacuum, clears what this one did not. A role that does not own the table gets a warning
     * from the server and nothing done; the drain still works, only its reads grow as before.
     */
    private void vacuum() {
        try {
            db.withHandle(handle -> handle.execute(VACUUM));
        } catch (RuntimeException e) {
            LOG.warn("could not vacuum the outbox; its reads slow down until a vacuum runs: {}", e.toString());
        }
    }

    private int publishAndDelete(int limit, EventPublisher publisher) {
        return db.inTransaction(handle -> {
            boolean ours = handle.createQuery(TRY_DRAIN_LOCK)
                    .bind("key", DRAIN_LOCK)
                    .map((row, context) -> row.getBoolean("locked"))
                    .one();
            if (!ours) {
                // Another drain holds it and may have read the outbox before our events committed:
                // it is woken by a NOTIFY to drain again.
                signal.drainStoodAside();
                return 0;
            }
            signal.drainStarted();
            List<Row> rows = handle.createQuery(OLDEST)
                    .bind("limit", limit)
                    .map((row, context) -> new Row(row.getLong("id"), row.getBytes("payload"), row.getString("trace")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            publisher.publish(rows.stream().map(this::event).toList());
            handle.createUpdate(DELETE).bind("ids", rows.stream().mapToLong(Row::id).toArray()).execute();
            return rows.size();
        });
    }

    private ParcelEvent event(Row row) {
        try {
            // The trace is no part of the payload: the broker carries it in a header, not the message.
            return format.read(row.payload()).withTrace(row.trace());
        } catch (IllegalArgumentException e) {
            // Only this adapter writes the payload, so this is a bug (or a format changed
            // incompatibly), not bad input; it blocks the outbox until fixed rather than drop an event.
            throw new IllegalStateException("outbox row " + row.id() + " does not hold a parcel event", e);
        }
    }
}
