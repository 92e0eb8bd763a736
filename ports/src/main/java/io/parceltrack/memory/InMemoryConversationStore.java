package io.parceltrack.memory;

import io.parceltrack.port.out.ConversationStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryConversationStore implements ConversationStore {
    private record Key(String bot, long chatId) {}

    private final Map<Key, String> states = new ConcurrentHashMap<>();

    @Override
    public Optional<String> loadConversation(String bot, long chatId) {
        return Optional.ofNullable(states.get(new Key(bot, chatId)));
    }

    @Override
    public void saveConversation(String bot, long chatId, String state) {
        states.put(new Key(bot, chatId), state);
    }

    @Override
    public void deleteConversation(String bot, long chatId) {
        states.remove(new Key(bot, chatId));
    }
}
