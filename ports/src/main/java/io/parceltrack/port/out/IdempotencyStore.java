package io.parceltrack.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs requests sent with an idempotency key at most once, and keeps their answers so that a
 * retry gets the first answer instead of doing the work again. Keys live in a scope (e.g. one API
 * client), which may hold a bounded number of them at a time.
 *
 * <p>The promise, for a retry with the same key and request: it converges, either to the stored
 * answer of the request that completed, or to one new run if none did; never two runs, never a key
 * stuck "in use" by a request that died. So the answer is kept atomically with the work's effects
 * (a store on a database commits it in the same transaction as whatever the work writes through the
 * stores of that database), and a key is only "in use" while the request holding it is alive.
 */
public interface IdempotencyStore {

    /**
     * Runs {@code work} unless the key was used before, or is being used now: returns what the work
     * answered ({@link Ran}), the answer kept from the run before ({@link Replayed}), or why it did
     * not run. The work runs while this call holds the key; its answer is kept only if its status is
     * 2xx, and then together with its effects. If the work throws, or answers otherwise, nothing is
     * kept, the key is free again, and a store that can (a database) rolls the work's writes back.
     */
    Outcome runOnce(KeyedRequest request, KeyPolicy policy, Supplier<StoredResponse> work);

    /** Deletes keys claimed before {@code cutoff}, which callers treat as absent anyway; returns how many. */
    int forgetClaimedBefore(Instant cutoff);

    /**
     * A request's key in its scope, and a fingerprint (a digest of the request) that a retry must
     * repeat: the same key with another fingerprint is a mistake of the client, not a retry.
     */
    record KeyedRequest(String scope, String key, String fingerprint) {
        public KeyedRequest {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /**
     * @param now when the request arrived
     * @param timeToLive how long a key and its answer are remembered
     * @param quota how many keys one scope may hold within the time to live
     */
    record KeyPolicy(Instant now, Duration timeToLive, int quota) {
        public KeyPolicy {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(timeToLive, "timeToLive");
            if (quota < 1) {
                throw new IllegalArgumentException("quota must be positive, got " + quota);
            }
        }

        /** Keys claimed before this are treated as absent. */
        public Instant expiredBefore() {
            return now.minus(timeToLive);
        }
    }

    sealed interface Outcome {}

    /** The key was free and the work ran now; its answer is kept if it succeeded. */
    record Ran(StoredResponse response) implements Outcome {}

    /** The same request ran before: answer with this. */
    record Replayed(StoredResponse response) implements Outcome {}

    /** A live request holds the key: the same request is still running. */
    record InProgress() implements Outcome {}

    /** The key was used for a different request. */
    record KeyReused() implements Outcome {}

    /** The scope holds as many keys as its quota allows; nothing ran. */
    record QuotaExceeded(int quota) implements Outcome {}

    record StoredResponse(int status, Map<String, String> headers, String body) {
        public StoredResponse {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** Whether the answer says the request succeeded, so that a retry should get it again. */
        public boolean succeeded() {
            return status >= 200 && status <= 299;
        }
    }
}
