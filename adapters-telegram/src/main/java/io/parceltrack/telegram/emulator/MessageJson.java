package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parceltrack.telegram.emulator.EmulatedChat.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's rendering of Telegram objects: messages, people, chats and the bot as Bot API
 * JSON, and keyboards read back from a bot's request with Telegram's checks. What a message's HTML
 * shows as text is {@link TelegramHtml}'s part.
 */
final class MessageJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    private MessageJson() {}

    static ObjectNode message(EmulatedChat chat, StoredMessage message, ObjectNode from, long nowSeconds) {
        ObjectNode json = JSON.objectNode();
        json.put("message_id", message.id);
        json.set("from", from);
        json.set("chat", chat(chat));
        json.put("date", message.date);
        if (message.edits > 0) {
            json.put("edit_date", nowSeconds);
        }
        json.put("text", message.text);
        if (!message.inlineKeyboard.isEmpty()) {
            ArrayNode rows = JSON.arrayNode();
            for (List<InlineButton> row : message.inlineKeyboard) {
                ArrayNode buttons = rows.addArray();
                for (InlineButton button : row) {
                    ObjectNode node = buttons.addObject().put("text", button.text());
                    if (button.callbackData() != null) {
                        node.put("callback_data", button.callbackData());
                    } else {
                        node.put("url", "https://example.invalid/");
                    }
                }
            }
            json.set("reply_markup", JSON.objectNode().set("inline_keyboard", rows));
        }
        return json;
    }

    static ObjectNode bot(long id, String username) {
        return JSON.objectNode().put("id", id).put("is_bot", true).put("first_name", username)
                .put("username", username).put("can_join_groups", false)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    /** The person; {@code language_code} only when known, as Telegram leaves it out otherwise. */
    static ObjectNode person(EmulatedChat chat) {
        ObjectNode json = JSON.objectNode().put("id", chat.id).put("is_bot", false).put("first_name", chat.firstName);
        if (chat.languageCode != null) {
            json.put("language_code", chat.languageCode);
        }
        return json;
    }

    static ObjectNode chat(EmulatedChat chat) {
        return JSON.objectNode().put("id", chat.id).put("type", "private").put("first_name", chat.firstName);
    }

    static List<List<InlineButton>> inlineKeyboard(JsonNode markup) {
        if (markup == null || markup.isNull() || !markup.has("inline_keyboard")) {
            return List.of();
        }
        List<List<InlineButton>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                String text = button.path("text").asText("");
                if (text.isEmpty()) {
                    throw BotApiError.badRequest("BUTTON_TEXT_EMPTY");
                }
                String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
                if (data == null && !button.hasNonNull("url")) {
                    throw BotApiError.badRequest("BUTTON_TYPE_INVALID");
                }
                if (data != null && (data.isEmpty()
                        || data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES)) {
                    throw BotApiError.badRequest("BUTTON_DATA_INVALID");
                }
                buttons.add(new InlineButton(text, data));
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }

    static List<List<String>> replyKeyboard(JsonNode markup) {
        if (markup == null || !markup.has("keyboard")) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("keyboard")) {
            List<String> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                String text = button.isTextual() ? button.asText() : button.path("text").asText("");
                if (text.isEmpty()) {
                    throw BotApiError.badRequest("BUTTON_TEXT_EMPTY");
                }
                buttons.add(text);
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }
}
