package io.parceltrack.postgres;

import io.parceltrack.port.out.IdempotencyStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Outcomes of REST requests sent with an Idempotency-Key, in the parcels database.
 *
 * <p>The claim on a key is the transaction of the request: {@link #runOnce} opens it, takes a
 * transaction-scoped advisory lock on the key, runs the work inside it, and writes the answer just
 * before the commit. The stores of the same {@link PostgresDatabase} join a transaction that is open
 * on their thread (JDBI hands nested calls the same handle), so a checkpoint's rows, its outbox event
 * and the answer commit together or not at all. If the process dies, PostgreSQL rolls the
 * transaction back and releases the lock as soon as it notices the connection is gone (at once for
 * a crashed process; within {@link #IDLE_LIMIT} for a client that vanished without closing it), and
 * the retry runs the request once. There is no claim row to go stale.
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {
    /**
     * How long a request's transaction may sit idle before PostgreSQL ends it: the bound on how long
     * a key stays locked by a client that vanished without its connection being closed.
     */
    public static final String IDLE_LIMIT = "10s";

    static final String LOCK_KEY = """
            SELECT set_config('idle_in_transaction_session_timeout', :idleLimit, true),
                   pg_try_advisory_xact_lock(:lockKey) AS locked
            """;
    // Rows without an answer were claims of an older version of this store, whose requests are gone.
    private static final String READ_ANSWER = """
            SELECT fingerprint, response_status, response_header_names, response_header_values, response_body
            FROM idempotency_keys
            WHERE scope = :scope AND idempotency_key = :key AND claimed_at >= :expiredBefore
              AND response_status IS NOT NULL
            """;
    private static final String COUNT_KEYS = """
            SELECT count(*) FROM (
                SELECT 1 FROM idempotency_keys
                WHERE scope = :scope AND claimed_at >= :expiredBefore
                LIMIT :quota
            ) live
            """;
    // The key's advisory lock is ours, so a row of this key here is expired or abandoned: replace it.
    private static final String WRITE_ANSWER = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, claimed_at, response_status,
                                          response_header_names, response_header_values, response_body)
            VALUES (:scope, :key, :fingerprint, :now, :status, :headerNames, :headerValues, :body)
            ON CONFLICT (scope, idempotency_key) DO UPDATE
                SET fingerprint = excluded.fingerprint,
                    claimed_at = excluded.claimed_at,
                    response_status = excluded.response_status,
                    response_header_names = excluded.response_header_names,
                    response_header_values = excluded.response_header_values,
                    response_body = excluded.response_body
            """;
    static final String FORGET = "DELETE FROM idempotency_keys WHERE claimed_at < :cutoff";

    /** Carries an answer that is not to be kept out of the transaction, rolling it back. */
    private static final class NotKept extends RuntimeException {
        private final transient StoredResponse response;

        NotKept(StoredResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private final TranslatedJdbi db;
    private final UnitOfWorkSteps steps;

    PostgresIdempotencyStore(TranslatedJdbi db, UnitOfWorkSteps steps) {
        this.db = db;
        this.steps = steps;
    }

    @Override
    public Outcome runOnce(KeyedRequest request, KeyPolicy policy, Supplier<StoredResponse> work) {
        try {
            return db.inTransaction(handle -> {
                boolean locked = handle.createQuery(LOCK_KEY)
                        .bind("idleLimit", IDLE_LIMIT)
                        .bind("lockKey", lockKey(request))
                        .map((row, context) -> row.getBoolean("locked"))
                        .one();
                if (!locked) {
                    return new InProgress();
                }
                Optional<Outcome> kept = handle.createQuery(READ_ANSWER)
                        .bind("scope", request.scope())
                        .bind("key", request.key())
                        .bind("expiredBefore", policy.expiredBefore())
                        .map((row, context) -> kept(row, request.fingerprint()))
                        .findOne();
                if (kept.isPresent()) {
                    return kept.get();
                }
                if (liveKeys(handle, request, policy) >= policy.quota()) {
                    return new QuotaExceeded(policy.quota());
                }
                steps.reached(UnitOfWorkSteps.Step.KEY_LOCKED, handle);
                StoredResponse response = work.get();
                if (!response.succeeded()) {
                    throw new NotKept(response);
                }
                steps.reached(UnitOfWorkSteps.Step.WORK_DONE, handle);
                writeAnswer(handle, request, policy, response);
                steps.reached(UnitOfWorkSteps.Step.ANSWER_WRITTEN, handle);
                return new Ran(response);
            });
        } catch (NotKept notKept) {
            return new Ran(notKept.response);
        }
    }

    private static long liveKeys(Handle handle, KeyedRequest request, KeyPolicy policy) {
        return handle.createQuery(COUNT_KEYS)
                .bind("scope", request.scope())
                .bind("expiredBefore", policy.expiredBefore())
                .bind("quota", policy.quota())
                .mapTo(Long.class)
                .one();
    }

    private static void writeAnswer(Handle handle, KeyedRequest request, KeyPolicy policy, StoredResponse response) {
        List<String> names = new ArrayList<>(response.headers().keySet());
        List<String> values = names.stream().map(response.headers()::get).toList();
        handle.createUpdate(WRITE_ANSWER)
                .bind("scope", request.scope())
                .bind("key", request.key())
                .bind("fingerprint", request.fingerprint())
                .bind("now", policy.now())
                .bind("status", response.status())
                .bindArray("headerNames", String.class, names)
                .bindArray("headerValues", String.class, values)
                .bind("body", response.body())
                .execute();
    }

    @Override
    public int forgetClaimedBefore(java.time.Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET).bind("cutoff", cutoff).execute());
    }

    /** 64 bits of SHA-256 over scope and key: the advisory lock of one key. */
    static long lockKey(KeyedRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("idempotency-key\n".getBytes(StandardCharsets.UTF_8));
            sha256.update(request.scope().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            return ByteBuffer.wrap(sha256.digest(request.key().getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Outcome kept(ResultSet row, String fingerprint) throws SQLException {
        if (!row.getString("fingerprint").equals(fingerprint)) {
            return new KeyReused();
        }
        String[] names = strings(row.getArray("response_header_names"));
        String[] values = strings(row.getArray("response_header_values"));
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            headers.put(names[i], values[i]);
        }
        return new Replayed(new StoredResponse(row.getInt("response_status"), headers, row.getString("response_body")));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
