package io.parceltrack.memory;

import io.parceltrack.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Idempotency keys in memory. A key is "in use" while the thread running its request holds it:
 * the claim is given up in a {@code finally}, whatever the work throws, and a claim whose thread
 * is gone is taken over. The answer is kept right after the work, in the same process as its
 * effects, which live and die with it.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Key(String scope, String key) {}

    /** {@code response} is {@code null} while {@code owner} runs the request. */
    private record Entry(String fingerprint, Instant claimedAt, StoredResponse response, Thread owner) {
        boolean abandoned() {
            return response == null && !owner.isAlive();
        }
    }

    private static final int PURGE_EVERY = 1024;

    private final Map<Key, Entry> entries = new HashMap<>();
    private final Map<String, Integer> keysPerScope = new HashMap<>();
    private int claimsSincePurge;

    @Override
    public Outcome runOnce(KeyedRequest request, KeyPolicy policy, Supplier<StoredResponse> work) {
        Key id = new Key(request.scope(), request.key());
        Outcome held = claim(id, request.fingerprint(), policy);
        if (held != null) {
            return held;
        }
        StoredResponse response = null;
        try {
            response = work.get();
            return new Ran(response);
        } finally {
            settle(id, response);
        }
    }

    /** Takes the key for this thread, or returns what holds it. */
    private synchronized Outcome claim(Key id, String fingerprint, KeyPolicy policy) {
        Instant expiredBefore = policy.expiredBefore();
        if (++claimsSincePurge >= PURGE_EVERY) {
            claimsSincePurge = 0;
            forget(expiredBefore);
        }
        Entry entry = entries.get(id);
        boolean live = entry != null && !entry.claimedAt().isBefore(expiredBefore) && !entry.abandoned();
        if (live) {
            if (!entry.fingerprint().equals(fingerprint)) {
                return new KeyReused();
            }
            return entry.response() == null ? new InProgress() : new Replayed(entry.response());
        }
        if (entry != null) {
            remove(id);
        }
        if (liveKeys(id.scope(), expiredBefore, policy.quota()) >= policy.quota()) {
            return new QuotaExceeded(policy.quota());
        }
        put(id, new Entry(fingerprint, policy.now(), null, Thread.currentThread()));
        return null;
    }

    /** Keeps a successful answer; for anything else (a failure included) gives the key up. */
    private synchronized void settle(Key id, StoredResponse response) {
        Entry entry = entries.get(id);
        if (entry == null || entry.owner() != Thread.currentThread() || entry.response() != null) {
            return;
        }
        if (response != null && response.succeeded()) {
            entries.put(id, new Entry(entry.fingerprint(), entry.claimedAt(), response, entry.owner()));
        } else {
            remove(id);
        }
    }

    /** The scope's keys within their time to live, counted exactly only when the quota may be reached. */
    private long liveKeys(String scope, Instant expiredBefore, int quota) {
        int count = keysPerScope.getOrDefault(scope, 0);
        if (count < quota) {
            return count;
        }
        // The count still includes the scope's expired keys: drop them, then count again.
        entries.entrySet().removeIf(e -> e.getKey().scope().equals(scope) && e.getValue().claimedAt().isBefore(expiredBefore)
                && uncount(e.getKey()));
        return keysPerScope.getOrDefault(scope, 0);
    }

    private void put(Key id, Entry entry) {
        if (entries.put(id, entry) == null) {
            keysPerScope.merge(id.scope(), 1, Integer::sum);
        }
    }

    private void remove(Key id) {
        if (entries.remove(id) != null) {
            uncount(id);
        }
    }

    private boolean uncount(Key id) {
        keysPerScope.computeIfPresent(id.scope(), (scope, count) -> count == 1 ? null : count - 1);
        return true;
    }

    @Override
    public synchronized int forgetClaimedBefore(Instant cutoff) {
        return forget(cutoff);
    }

    private int forget(Instant cutoff) {
        int before = entries.size();
        entries.entrySet().removeIf(e -> e.getValue().claimedAt().isBefore(cutoff) && uncount(e.getKey()));
        return before - entries.size();
    }
}
