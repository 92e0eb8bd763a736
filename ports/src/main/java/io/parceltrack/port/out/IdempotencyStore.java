package io.parceltrack.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the outcome of requests sent with an idempotency key, so that a retry gets the first
 * answer instead of doing the work again. Keys live in a scope (e.g. one API client).
 */
public interface IdempotencyStore {

    /**
     * Atomically claims the key for a request with the given fingerprint (a digest of the request),
     * or tells what holds it already. Claims and answers older than {@code expiredBefore} are
     * treated as absent.
     */
    Claim claim(String scope, String key, String fingerprint, Instant now, Instant expiredBefore);

    /** Stores the answer of a claimed key. */
    void complete(String scope, String key, StoredResponse response);

    /** Gives up a claim whose request failed, so that a retry can run it. */
    void release(String scope, String key);

    /** Deletes keys claimed before {@code cutoff}, which callers treat as absent anyway; returns how many. */
    int forgetClaimedBefore(Instant cutoff);

    sealed interface Claim {}

    /** The key was free: run the request, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {}

    /** The same request is still running. */
    record InProgress() implements Claim {}

    /** The same request ran before: answer with this. */
    record Completed(StoredResponse response) implements Claim {}

    /** The key was used for a different request. */
    record KeyReused() implements Claim {}

    record StoredResponse(int status, Map<String, String> headers, String body) {
        public StoredResponse {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }
    }
}
