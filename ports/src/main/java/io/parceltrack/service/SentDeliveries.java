package io.parceltrack.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Ids of deliveries this process sent but could not yet record as sent (the bots database failed
 * right after the send), so that the retry records them instead of sending them again. Bounded:
 * beyond {@code capacity} ids the oldest is forgotten. Ids only pile up while the database is
 * failing between a claim and its record, and claims fail too while it is down, so in practice
 * this holds at most the sends that were under way when the database went away.
 */
final class SentDeliveries {
    private final Map<UUID, Boolean> ids;

    SentDeliveries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(UUID id) {
        ids.put(id, Boolean.TRUE);
    }

    synchronized boolean contains(UUID id) {
        return ids.containsKey(id);
    }

    synchronized void forget(UUID id) {
        ids.remove(id);
    }

    synchronized int size() {
        return ids.size();
    }
}
