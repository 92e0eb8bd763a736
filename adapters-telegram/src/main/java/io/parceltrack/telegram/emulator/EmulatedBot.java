package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parceltrack.telegram.emulator.EmulatedChat.StoredMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One bot inside the emulator: its chats, the updates waiting for it, its commands and its flood
 * control. The public methods are the person's side (write, press, block) and what tests read; the
 * Bot API side is {@link BotApi}, reached through HTTP only. All state is guarded by this object.
 */
public final class EmulatedBot {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final long id;
    private final String username;
    final FloodControl flood;
    private final People people;
    final ArrayDeque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    final Map<Long, EmulatedChat> chats = new TreeMap<>();
    final Map<String, PressedButton> openPresses = new HashMap<>();
    final Map<String, List<String>> commandsByLanguage = new TreeMap<>();
    private int nextUpdateId = 1;
    private long nextEventSequence = 1;
    private long nextPressId = 1;
    boolean closed;

    record PressedButton(long chatId, boolean answered) {}

    EmulatedBot(long id, String username, EmulatorLimits limits, People people) {
        this.id = id;
        this.username = username;
        this.flood = new FloodControl(limits);
        this.people = people;
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
        people.remember(username, chat);
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
        json.set("from", MessageJson.person(chat));
        json.set("chat", MessageJson.chat(chat));
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
     * (an inline button), or types it (a reply keyboard button). The label may be given without its
     * leading emoji or symbol ({@code Now} for {@code ⏱ Now}). Returns the callback query id, or an
     * empty string for a reply keyboard button.
     */
    public synchronized String personPresses(long chatId, String label) {
        EmulatedChat chat = existingChat(chatId);
        List<StoredMessage> messages = chat.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage message = messages.get(i);
            if (!message.fromBot) {
                continue;
            }
            Optional<InlineButton> button = Labels.find(message.inlineKeyboard, label);
            if (button.isPresent()) {
                return pressCallback(chat, message, button.get().callbackData());
            }
            Optional<String> replyButton = message.replyKeyboard.stream().flatMap(List::stream)
                    .filter(text -> Labels.matches(text, label)).findFirst();
            if (replyButton.isPresent()) {
                personSends(chatId, replyButton.get());
                return "";
            }
        }
        throw new NoSuchElementException("no message in chat " + chatId + " has a button \"" + label + "\"");
    }

    /** The person presses the button labelled {@code label} (as above) under one particular message. */
    public synchronized String personPresses(long chatId, int messageId, String label) {
        EmulatedChat chat = existingChat(chatId);
        StoredMessage message = botMessage(chat, messageId);
        InlineButton button = Labels.find(message.inlineKeyboard, label).orElseThrow(() -> new NoSuchElementException(
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

    /** The Telegram language the person of {@code chatId} uses, if known. */
    public synchronized Optional<String> languageOf(long chatId) {
        return Optional.ofNullable(chats.get(chatId)).map(chat -> chat.languageCode);
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

    // ---------------------------------------------------------------- shared with the Bot API side

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The chat, created on first use with what is remembered of its person (nothing: no language). */
    EmulatedChat chat(long chatId) {
        if (chatId <= 0) {
            throw new IllegalArgumentException("a private chat id is positive");
        }
        return chats.computeIfAbsent(chatId, id -> people.recall(username, id));
    }

    EmulatedChat existingChat(long chatId) {
        EmulatedChat chat = chats.get(chatId);
        if (chat == null) {
            throw new NoSuchElementException("nobody wrote to the bot from chat " + chatId);
        }
        return chat;
    }

    static StoredMessage botMessage(EmulatedChat chat, int messageId) {
        StoredMessage message = chat.message(messageId);
        if (message == null || !message.fromBot) {
            throw new NoSuchElementException("no bot message " + messageId + " in chat " + chat.id);
        }
        return message;
    }

    ObjectNode botMessageJson(EmulatedChat chat, StoredMessage message) {
        return MessageJson.message(chat, message, MessageJson.bot(id, username), nowSeconds());
    }

    private String pressCallback(EmulatedChat chat, StoredMessage message, String data) {
        String queryId = id + "-" + nextPressId++;
        openPresses.put(queryId, new PressedButton(chat.id, false));
        record(chat, ChatEvent.Kind.PERSON_PRESSED, message.id, data);
        ObjectNode query = JSON.objectNode();
        query.put("id", queryId);
        query.set("from", MessageJson.person(chat));
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

    void record(EmulatedChat chat, ChatEvent.Kind kind, int messageId, String text) {
        chat.record(new ChatEvent(nextEventSequence++, kind, messageId, text));
        notifyAll();
    }

    static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
