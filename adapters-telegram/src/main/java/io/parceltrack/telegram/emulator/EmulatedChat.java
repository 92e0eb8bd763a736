package io.parceltrack.telegram.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One private chat between a person and an emulated bot. Guarded by the bot's lock. */
final class EmulatedChat {
    /** A message as stored; the bot may change text and buttons of its own. */
    static final class StoredMessage {
        final int id;
        final boolean fromBot;
        final long date;
        String text;
        String markup;
        String parseMode;
        List<List<InlineButton>> inlineKeyboard;
        List<List<String>> replyKeyboard;
        int edits;

        StoredMessage(int id, boolean fromBot, long date) {
            this.id = id;
            this.fromBot = fromBot;
            this.date = date;
        }

        ChatMessage snapshot() {
            return new ChatMessage(id, fromBot, text, markup, parseMode, inlineKeyboard, replyKeyboard, edits);
        }
    }

    final long id;
    String firstName;
    /** The person's Telegram language, {@code null} when unknown (Telegram then sends none). */
    String languageCode;
    boolean blocked;
    private int nextMessageId = 1;
    private final Map<Integer, StoredMessage> messages = new LinkedHashMap<>();
    private final List<ChatEvent> events = new ArrayList<>();

    EmulatedChat(long id, String firstName, String languageCode) {
        this.id = id;
        this.firstName = firstName;
        this.languageCode = languageCode;
    }

    StoredMessage newMessage(boolean fromBot, long date) {
        StoredMessage message = new StoredMessage(nextMessageId++, fromBot, date);
        messages.put(message.id, message);
        return message;
    }

    StoredMessage message(int messageId) {
        return messages.get(messageId);
    }

    List<StoredMessage> messages() {
        return new ArrayList<>(messages.values());
    }

    void record(ChatEvent event) {
        events.add(event);
    }

    List<ChatEvent> events() {
        return List.copyOf(events);
    }
}
