package io.parceltrack.memory;

import io.parceltrack.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Key(String scope, String key) {}

    /** {@code response} is {@code null} while the request runs. */
    private record Entry(String fingerprint, Instant claimedAt, StoredResponse response) {}

    private static final int PURGE_EVERY = 1024;

    private final Map<Key, Entry> entries = new HashMap<>();
    private int claimsSincePurge;

    @Override
    public synchronized Claim claim(String scope, String key, String fingerprint, Instant now, Instant expiredBefore) {
        if (++claimsSincePurge >= PURGE_EVERY) {
            claimsSincePurge = 0;
            entries.values().removeIf(old -> old.claimedAt().isBefore(expiredBefore));
        }
        Key id = new Key(scope, key);
        Entry entry = entries.get(id);
        if (entry == null || entry.claimedAt().isBefore(expiredBefore)) {
            entries.put(id, new Entry(fingerprint, now, null));
            return new Claimed();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new KeyReused();
        }
        return entry.response() == null ? new InProgress() : new Completed(entry.response());
    }

    @Override
    public synchronized void complete(String scope, String key, StoredResponse response) {
        entries.computeIfPresent(new Key(scope, key),
                (id, entry) -> new Entry(entry.fingerprint(), entry.claimedAt(), response));
    }

    @Override
    public synchronized void release(String scope, String key) {
        Key id = new Key(scope, key);
        Entry entry = entries.get(id);
        if (entry != null && entry.response() == null) {
            entries.remove(id);
        }
    }

    @Override
    public synchronized int forgetClaimedBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.claimedAt().isBefore(cutoff));
        return before - entries.size();
    }
}
