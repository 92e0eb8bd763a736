package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.telegram.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps conversations in the {@link ConversationStore} as small JSON documents:
 * <pre>{@code {"v":2,"language":"ru","state":{"type":"registering", ...}}}</pre>
 * Documents of version 1 ({@code {"v":1,"step":"REG_EMAIL","language":"ru","values":{...}}}), as the
 * bots stored them before states were typed, are read through {@link StateFormat#fromVersion1}, so a
 * dialogue begun before an upgrade goes on after it.
 */
public final class ConversationMemory<S> {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationMemory.class);
    static final int VERSION = 2;

    private final String bot;
    private final ConversationStore store;
    private final StateFormat<S> format;
    private final ObjectMapper json = StateJson.mapper();

    public ConversationMemory(String bot, ConversationStore store, StateFormat<S> format) {
        this.bot = bot;
        this.store = store;
        this.format = format;
    }

    /** The chat's conversation; empty if there is none or it cannot be read (it is then started afresh). */
    public Optional<Conversation<S>> load(long chatId) {
        return store.loadConversation(bot, chatId).flatMap(text -> {
            try {
                return Optional.of(decode(text));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("{}: unreadable conversation of chat {} is started afresh", bot, chatId);
                return Optional.empty();
            }
        });
    }

    public void save(long chatId, Conversation<S> conversation) {
        store.saveConversation(bot, chatId, encode(conversation));
    }

    String encode(Conversation<S> conversation) {
        ObjectNode document = json.createObjectNode().put("v", VERSION);
        document.put("language", conversation.language() == null ? null : conversation.language().code());
        document.set("state", json.valueToTree(conversation.state()));
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation is always serialisable", e);
        }
    }

    Conversation<S> decode(String text) throws JsonProcessingException {
        JsonNode document = json.readTree(text);
        Language language = Language.fromTelegramCode(document.path("language").asText(null)).orElse(null);
        int version = document.path("v").asInt(0);
        if (version == 1) {
            Map<String, String> values = new LinkedHashMap<>();
            document.path("values").fields().forEachRemaining(value -> values.put(value.getKey(), value.getValue().asText()));
            return new Conversation<>(format.fromVersion1(document.path("step").asText(""), values), language);
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown conversation format " + version);
        }
        return new Conversation<>(json.treeToValue(document.get("state"), format.type()), language);
    }
}
