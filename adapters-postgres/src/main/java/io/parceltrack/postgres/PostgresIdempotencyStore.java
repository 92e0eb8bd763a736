package io.parceltrack.postgres;

import io.parceltrack.port.out.IdempotencyStore;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Outcomes of REST requests sent with an Idempotency-Key, in the parcels database. */
public final class PostgresIdempotencyStore implements IdempotencyStore {
    // Takes a free or expired key. On a live key it changes nothing, yet ON CONFLICT DO UPDATE still
    // locks the row, so it cannot vanish before READ_CLAIM below reads it in the same transaction.
    private static final String CLAIM = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, claimed_at)
            VALUES (:scope, :key, :fingerprint, :now)
            ON CONFLICT (scope, idempotency_key) DO UPDATE
                SET fingerprint = excluded.fingerprint,
                    claimed_at = excluded.claimed_at,
                    response_status = NULL,
                    response_header_names = NULL,
                    response_header_values = NULL,
                    response_body = NULL
                WHERE idempotency_keys.claimed_at < :expiredBefore
            RETURNING 1
            """;
    private static final String READ_CLAIM = """
            SELECT fingerprint, response_status, response_header_names, response_header_values, response_body
            FROM idempotency_keys
            WHERE scope = :scope AND idempotency_key = :key
            """;
    private static final String COMPLETE = """
            UPDATE idempotency_keys
            SET response_status = :status,
                response_header_names = :headerNames,
                response_header_values = :headerValues,
                response_body = :body
            WHERE scope = :scope AND idempotency_key = :key
            """;
    private static final String RELEASE = """
            DELETE FROM idempotency_keys
            WHERE scope = :scope AND idempotency_key = :key AND response_status IS NULL
            """;
    static final String FORGET = "DELETE FROM idempotency_keys WHERE claimed_at < :cutoff";

    private final TranslatedJdbi db;

    PostgresIdempotencyStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, Instant now, Instant expiredBefore) {
        return db.inTransaction(handle -> {
            boolean claimed = handle.createQuery(CLAIM)
                    .bind("scope", scope)
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("now", now)
                    .bind("expiredBefore", expiredBefore)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (claimed) {
                return new Claimed();
            }
            return handle.createQuery(READ_CLAIM)
                    .bind("scope", scope)
                    .bind("key", key)
                    .map((row, context) -> held(row, fingerprint))
                    .one();
        });
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        List<String> names = new ArrayList<>(response.headers().keySet());
        List<String> values = names.stream().map(response.headers()::get).toList();
        db.withHandle(handle -> handle.createUpdate(COMPLETE)
                .bind("scope", scope)
                .bind("key", key)
                .bind("status", response.status())
                .bindArray("headerNames", String.class, names)
                .bindArray("headerValues", String.class, values)
                .bind("body", response.body())
                .execute());
    }

    @Override
    public void release(String scope, String key) {
        db.withHandle(handle -> handle.createUpdate(RELEASE)
                .bind("scope", scope)
                .bind("key", key)
                .execute());
    }

    @Override
    public int forgetClaimedBefore(Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET).bind("cutoff", cutoff).execute());
    }

    private static Claim held(ResultSet row, String fingerprint) throws SQLException {
        if (!row.getString("fingerprint").equals(fingerprint)) {
            return new KeyReused();
        }
        int status = row.getInt("response_status");
        if (row.wasNull()) {
            return new InProgress();
        }
        String[] names = strings(row.getArray("response_header_names"));
        String[] values = strings(row.getArray("response_header_values"));
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            headers.put(names[i], values[i]);
        }
        return new Completed(new StoredResponse(status, headers, row.getString("response_body")));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
