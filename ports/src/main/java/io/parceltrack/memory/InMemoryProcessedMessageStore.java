package io.parceltrack.memory;

import io.parceltrack.port.out.ProcessedMessageStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryProcessedMessageStore implements ProcessedMessageStore {
    private record Key(String consumer, UUID messageId) {}

    private final Map<Key, Instant> processed = new ConcurrentHashMap<>();

    @Override
    public boolean isProcessed(String consumer, UUID messageId) {
        return processed.containsKey(new Key(consumer, messageId));
    }

    @Override
    public boolean markProcessed(String consumer, UUID messageId, Instant at) {
        return processed.putIfAbsent(new Key(consumer, messageId), at) == null;
    }

    @Override
    public int forgetProcessedBefore(Instant cutoff) {
        int before = processed.size();
        processed.values().removeIf(at -> at.isBefore(cutoff));
        return before - processed.size();
    }
}
