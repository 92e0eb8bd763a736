package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parceltrack.telegram.emulator.EmulatedChat.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One bot inside the emulator: the updates waiting for it, its chats, its commands and its flood
 * control. The public methods are the person's side (write, press, block) and what tests read;
 * the Bot API side is package-private and reached through HTTP only.
 */
public final class EmulatedBot {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_TEXT_LENGTH = 4096;
    private static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final int MAX_UPDATES_PER_CALL = 100;

    private final long id;
    private final String username;
    private final FloodControl flood;
    private final ArrayDeque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final Map<Long, EmulatedChat> chats = new TreeMap<>();
    private final Map<String, PressedButton> openPresses = new HashMap<>();
    private final Map<String, List<String>> commandsByLanguage = new TreeMap<>();
    private int nextUpdateId = 1;
    private long nextEventSequence = 1;
    private long nextPressId = 1;
    private boolean closed;

    private record PressedButton(long chatId, boolean answered) {}

    EmulatedBot(long id, String username, EmulatorLimits limits) {
        this.id = id;
        this.username = username;
        this.flood = new FloodControl(limits);
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    // ---------------------------------------------------------------- the person's side

    /** The person behind {@code chatId} opens the bot with this name and Telegram language. */
    public synchronized void introduce(long chatId, String firstName, String languageCode) {
        EmulatedChat chat = chat(chatId);
        chat.firstName = firstName;
        chat.languageCode = languageCode;
    }

    /** The person writes {@code text}; returns the new message's id. Writing again unblocks the bot. */
    public synchronized int personSends(long chatId, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a person cannot send an empty message");
        }
        EmulatedChat chat = chat(chatId);
        chat.blocked = false;
        StoredMessage message = chat.newMessage(false, nowSeconds());
        message.text = text;
        message.markup = text;
        message.inlineKeyboard = List.of();
        message.replyKeyboard = List.of();
        record(chat, ChatEvent.Kind.PERSON_WROTE, message.id, text);
        ObjectNode json = JSON.objectNode();
        json.put("message_id", message.id);
        json.set("from", personJson(chat));
        json.set("chat", chatJson(chat));
        json.put("date", message.date);
        json.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ObjectNode command = JSON.objectNode().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
            json.set("entities", JSON.arrayNode().add(command));
        }
        enqueue(JSON.objectNode().set("message", json));
        return message.id;
    }

    /**
     * The person presses the button labelled {@code label} on the latest bot message that has one
     * (an inline button), or types it (a reply keyboard button). Returns the callback query id, or
     * an empty string for a reply keyboard button.
     */
    public synchronized String personPresses(long chatId, String label) {
        EmulatedChat chat = existingChat(chatId);
        List<StoredMessage> messages = chat.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage message = messages.get(i);
            if (!message.fromBot) {
                continue;
            }
            Optional<InlineButton> button = findButton(message, label);
            if (button.isPresent()) {
                return pressCallback(chat, message, button.get().callbackData());
            }
            if (message.replyKeyboard.stream().flatMap(List::stream).anyMatch(label::equals)) {
                personSends(chatId, label);
                return "";
            }
        }
        throw new NoSuchElementException("no message in chat " + chatId + " has a button \"" + label + "\"");
    }

    /** The person presses the button labelled {@code label} under one particular message. */
    public synchronized String personPresses(long chatId, int messageId, String label) {
        EmulatedChat chat = existingChat(chatId);
        StoredMessage message = botMessage(chat, messageId);
        InlineButton button = findButton(message, label).orElseThrow(() -> new NoSuchElementException(
                "message " + messageId + " has no button \"" + label + "\""));
        return pressCallback(chat, message, button.callbackData());
    }

    /**
     * A press that sends arbitrary data, as an old client or a forged request might: the bot must
     * cope with data it never put on a button.
     */
    public synchronized String personPressesWithData(long chatId, int messageId, String callbackData) {
        EmulatedChat chat = existingChat(chatId);
        return pressCallback(chat, botMessage(chat, messageId), callbackData);
    }

    /** The person blocks the bot: sending to them fails with 403 until they write again. */
    public synchronized void block(long chatId) {
        chat(chatId).blocked = true;
    }

    public synchronized void unblock(long chatId) {
        chat(chatId).blocked = false;
    }

    // ---------------------------------------------------------------- what tests read

    public synchronized Set<Long> chatIds() {
        return Set.copyOf(chats.keySet());
    }

    public synchronized List<ChatMessage> messages(long chatId) {
        EmulatedChat chat = chats.get(chatId);
        return chat == null ? List.of() : chat.messages().stream().map(StoredMessage::snapshot).toList();
    }

    public synchronized List<ChatMessage> botMessages(long chatId) {
        return messages(chatId).stream().filter(ChatMessage::fromBot).toList();
    }

    public synchronized Optional<ChatMessage> message(long chatId, int messageId) {
        EmulatedChat chat = chats.get(chatId);
        return Optional.ofNullable(chat == null ? null : chat.message(messageId)).map(StoredMessage::snapshot);
    }

    public synchronized List<ChatEvent> events(long chatId) {
        EmulatedChat chat = chats.get(chatId);
        return chat == null ? List.of() : chat.events();
    }

    /** The sequence number of the latest event in any chat of this bot (0 before the first). */
    public synchronized long lastEventSequence() {
        return nextEventSequence - 1;
    }

    /** Button presses the bot never answered with answerCallbackQuery. */
    public synchronized long unansweredPresses() {
        return openPresses.values().stream().filter(press -> !press.answered()).count();
    }

    public synchronized Map<String, List<String>> commands() {
        return Map.copyOf(commandsByLanguage);
    }

    public FloodStats floodStats() {
        return flood.stats();
    }

    public void setLimits(EmulatorLimits limits) {
        flood.setLimits(limits);
    }

    /** Waits until some event in {@code chatId} is newer than {@code afterSequence}; returns those events. */
    public synchronized List<ChatEvent> awaitEvents(long chatId, long afterSequence, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ChatEvent> newer = events(chatId).stream().filter(e -> e.sequence() > afterSequence).toList();
            long left = deadline - System.nanoTime();
            if (!newer.isEmpty() || left <= 0) {
                return newer;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    // ---------------------------------------------------------------- the Bot API side

    synchronized JsonNode getMe() {
        return botUserJson();
    }

    synchronized JsonNode getUpdates(JsonNode params) throws InterruptedException {
        int offset = params.path("offset").asInt(0);
        int limit = Math.max(1, Math.min(MAX_UPDATES_PER_CALL, params.path("limit").asInt(MAX_UPDATES_PER_CALL)));
        long timeoutMillis = Math.max(0, params.path("timeout").asLong(0)) * 1000;
        if (offset > 0) {
            // Telegram forgets every update below the offset: the caller confirmed them.
            pendingUpdates.removeIf(update -> update.path("update_id").asInt() < offset);
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (pendingUpdates.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        ArrayNode result = JSON.arrayNode();
        Iterator<ObjectNode> updates = pendingUpdates.iterator();
        while (updates.hasNext() && result.size() < limit) {
            result.add(updates.next().deepCopy());
        }
        return result;
    }

    synchronized JsonNode sendMessage(JsonNode params) {
        EmulatedChat chat = targetChat(params);
        String markup = requiredText(params);
        String parseMode = params.path("parse_mode").asText(null);
        String text = visibleText(markup, parseMode);
        JsonNode replyMarkup = params.get("reply_markup");
        List<List<InlineButton>> inline = inlineKeyboard(replyMarkup);
        List<List<String>> reply = replyKeyboard(replyMarkup);
        admit(chat);
        StoredMessage message = chat.newMessage(true, nowSeconds());
        message.text = text;
        message.markup = markup;
        message.parseMode = parseMode;
        message.inlineKeyboard = inline;
        message.replyKeyboard = reply;
        record(chat, ChatEvent.Kind.BOT_SENT, message.id, text);
        return botMessageJson(chat, message);
    }

    synchronized JsonNode editMessageText(JsonNode params) {
        EmulatedChat chat = targetChat(params);
        StoredMessage message = messageToEdit(chat, params);
        String markup = requiredText(params);
        String parseMode = params.path("parse_mode").asText(null);
        String text = visibleText(markup, parseMode);
        List<List<InlineButton>> inline = inlineKeyboard(params.get("reply_markup"));
        if (text.equals(message.text) && inline.equals(message.inlineKeyboard)) {
            throw notModified();
        }
        admit(chat);
        message.text = text;
        message.markup = markup;
        message.parseMode = parseMode;
        message.inlineKeyboard = inline;
        message.edits++;
        record(chat, ChatEvent.Kind.BOT_EDITED, message.id, text);
        return botMessageJson(chat, message);
    }

    synchronized JsonNode editMessageReplyMarkup(JsonNode params) {
        EmulatedChat chat = targetChat(params);
        StoredMessage message = messageToEdit(chat, params);
        List<List<InlineButton>> inline = inlineKeyboard(params.get("reply_markup"));
        if (inline.equals(message.inlineKeyboard)) {
            throw notModified();
        }
        admit(chat);
        message.inlineKeyboard = inline;
        message.edits++;
        record(chat, ChatEvent.Kind.BOT_EDITED, message.id, message.text);
        return botMessageJson(chat, message);
    }

    synchronized JsonNode answerCallbackQuery(JsonNode params) {
        String queryId = params.path("callback_query_id").asText("");
        PressedButton press = openPresses.get(queryId);
        if (press == null || press.answered()) {
            throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        openPresses.put(queryId, new PressedButton(press.chatId(), true));
        String text = params.path("text").asText("");
        if (text.length() > 200) {
            throw BotApiError.badRequest("MESSAGE_TOO_LONG");
        }
        record(chats.get(press.chatId()), ChatEvent.Kind.BOT_ANSWERED_PRESS, 0, text);
        return JSON.booleanNode(true);
    }

    synchronized JsonNode setMyCommands(JsonNode params) {
        JsonNode commands = params.path("commands");
        if (!commands.isArray()) {
            throw BotApiError.badRequest("parameter \"commands\" is required");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            if (!name.matches("[a-z0-9_]{1,32}") || command.path("description").asText("").isEmpty()) {
                throw BotApiError.badRequest("BOT_COMMAND_INVALID");
            }
            names.add(name);
        }
        commandsByLanguage.put(params.path("language_code").asText(""), List.copyOf(names));
        return JSON.booleanNode(true);
    }

    synchronized JsonNode getMyCommands(JsonNode params) {
        ArrayNode result = JSON.arrayNode();
        for (String name : commandsByLanguage.getOrDefault(params.path("language_code").asText(""), List.of())) {
            result.add(JSON.objectNode().put("command", name).put("description", name));
        }
        return result;
    }

    synchronized JsonNode deleteMyCommands(JsonNode params) {
        commandsByLanguage.remove(params.path("language_code").asText(""));
        return JSON.booleanNode(true);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    // ---------------------------------------------------------------- internals

    private EmulatedChat chat(long chatId) {
        if (chatId <= 0) {
            throw new IllegalArgumentException("a private chat id is positive");
        }
        return chats.computeIfAbsent(chatId, id -> new EmulatedChat(id, "Person " + id, "en"));
    }

    private EmulatedChat existingChat(long chatId) {
        EmulatedChat chat = chats.get(chatId);
        if (chat == null) {
            throw new NoSuchElementException("nobody wrote to the bot from chat " + chatId);
        }
        return chat;
    }

    private static StoredMessage botMessage(EmulatedChat chat, int messageId) {
        StoredMessage message = chat.message(messageId);
        if (message == null || !message.fromBot) {
            throw new NoSuchElementException("no bot message " + messageId + " in chat " + chat.id);
        }
        return message;
    }

    private static Optional<InlineButton> findButton(StoredMessage message, String label) {
        return message.inlineKeyboard.stream().flatMap(List::stream)
                .filter(button -> button.text().equals(label) && button.callbackData() != null)
                .findFirst();
    }

    private String pressCallback(EmulatedChat chat, StoredMessage message, String data) {
        String queryId = id + "-" + nextPressId++;
        openPresses.put(queryId, new PressedButton(chat.id, false));
        record(chat, ChatEvent.Kind.PERSON_PRESSED, message.id, data);
        ObjectNode query = JSON.objectNode();
        query.put("id", queryId);
        query.set("from", personJson(chat));
        query.set("message", botMessageJson(chat, message));
        query.put("chat_instance", "emulated-" + chat.id);
        query.put("data", data);
        enqueue(JSON.objectNode().set("callback_query", query));
        return queryId;
    }

    private void enqueue(ObjectNode update) {
        ObjectNode numbered = JSON.objectNode().put("update_id", nextUpdateId++);
        numbered.setAll(update);
        pendingUpdates.addLast(numbered);
        notifyAll();
    }

    private void record(EmulatedChat chat, ChatEvent.Kind kind, int messageId, String text) {
        chat.record(new ChatEvent(nextEventSequence++, kind, messageId, text));
        notifyAll();
    }

    private void admit(EmulatedChat chat) {
        if (chat.blocked) {
            throw BotApiError.blocked();
        }
        flood.admit(chat.id, System.nanoTime());
    }

    private EmulatedChat targetChat(JsonNode params) {
        JsonNode chatId = params.get("chat_id");
        if (chatId == null || chatId.asText().isEmpty()) {
            throw BotApiError.badRequest("chat_id is empty");
        }
        long parsed;
        try {
            parsed = Long.parseLong(chatId.asText());
        } catch (NumberFormatException e) {
            throw BotApiError.badRequest("chat not found");
        }
        EmulatedChat chat = chats.get(parsed);
        if (chat == null) {
            throw BotApiError.badRequest("chat not found");
        }
        return chat;
    }

    private static StoredMessage messageToEdit(EmulatedChat chat, JsonNode params) {
        StoredMessage message = chat.message(params.path("message_id").asInt(0));
        if (message == null || !message.fromBot) {
            throw BotApiError.badRequest("message to edit not found");
        }
        return message;
    }

    private static String requiredText(JsonNode params) {
        String text = params.path("text").asText("");
        if (text.isEmpty()) {
            throw BotApiError.badRequest("message text is empty");
        }
        return text;
    }

    private static String visibleText(String markup, String parseMode) {
        String text;
        if (parseMode == null || parseMode.isEmpty()) {
            text = markup;
        } else if (parseMode.equalsIgnoreCase("HTML")) {
            text = TelegramHtml.toPlainText(markup);
        } else {
            throw BotApiError.badRequest("unsupported parse_mode " + parseMode + " (the emulator speaks HTML)");
        }
        if (text.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw BotApiError.badRequest("message is too long");
        }
        return text;
    }

    private static List<List<InlineButton>> inlineKeyboard(JsonNode markup) {
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

    private static List<List<String>> replyKeyboard(JsonNode markup) {
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

    private static BotApiError notModified() {
        return BotApiError.badRequest("message is not modified: specified new message content and reply markup "
                + "are exactly the same as a current content and reply markup of the message");
    }

    private ObjectNode botMessageJson(EmulatedChat chat, StoredMessage message) {
        ObjectNode json = JSON.objectNode();
        json.put("message_id", message.id);
        json.set("from", botUserJson());
        json.set("chat", chatJson(chat));
        json.put("date", message.date);
        if (message.edits > 0) {
            json.put("edit_date", nowSeconds());
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

    private ObjectNode botUserJson() {
        return JSON.objectNode().put("id", id).put("is_bot", true).put("first_name", username)
                .put("username", username).put("can_join_groups", false)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    private static ObjectNode personJson(EmulatedChat chat) {
        return JSON.objectNode().put("id", chat.id).put("is_bot", false).put("first_name", chat.firstName)
                .put("language_code", chat.languageCode);
    }

    private static ObjectNode chatJson(EmulatedChat chat) {
        return JSON.objectNode().put("id", chat.id).put("type", "private").put("first_name", chat.firstName);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
