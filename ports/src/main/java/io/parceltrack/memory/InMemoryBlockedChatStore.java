package io.parceltrack.memory;

import io.parceltrack.port.out.BlockedChatStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryBlockedChatStore implements BlockedChatStore {
    private record Key(String bot, long chatId) {}

    private final Map<Key, Instant> blocked = new ConcurrentHashMap<>();

    @Override
    public void markBlocked(String bot, long chatId, Instant at) {
        blocked.putIfAbsent(new Key(bot, chatId), at);
    }

    @Override
    public void unmarkBlocked(String bot, long chatId) {
        blocked.remove(new Key(bot, chatId));
    }

    @Override
    public boolean isBlocked(String bot, long chatId) {
        return blocked.containsKey(new Key(bot, chatId));
    }
}
