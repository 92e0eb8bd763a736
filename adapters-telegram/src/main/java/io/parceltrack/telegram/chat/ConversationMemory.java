package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.telegram.Language;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps conversations in the {@link ConversationStore} as small JSON documents. */
final class ConversationMemory {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationMemory.class);
    private static final int VERSION = 1;

    /** The stored shape; {@code v} lets a later version read older documents. */
    record Stored(int v, String step, String language, Map<String, String> values) {}

    private final String bot;
    private final ConversationStore store;
    private final ObjectMapper json = new ObjectMapper();

    ConversationMemory(String bot, ConversationStore store) {
        this.bot = bot;
        this.store = store;
    }

    /** The chat's conversation; empty if there is none or it cannot be read (it is then started afresh). */
    Optional<Conversation> load(long chatId) {
        return store.loadConversation(bot, chatId).flatMap(text -> {
            try {
                return Optional.of(decode(text));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("{}: unreadable conversation of chat {} is started afresh", bot, chatId);
                return Optional.empty();
            }
        });
    }

    void save(long chatId, Conversation conversation) {
        store.saveConversation(bot, chatId, encode(conversation));
    }

    String encode(Conversation conversation) {
        Stored stored = new Stored(VERSION, conversation.step(),
                conversation.language() == null ? null : conversation.language().code(), conversation.values());
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation is always serialisable", e);
        }
    }

    Conversation decode(String text) throws JsonProcessingException {
        Stored stored = json.readValue(text, Stored.class);
        Language language = stored.language() == null ? null : Language.fromTelegramCode(stored.language()).orElse(null);
        return new Conversation(stored.step(), language, stored.values() == null ? Map.of() : stored.values());
    }
}
