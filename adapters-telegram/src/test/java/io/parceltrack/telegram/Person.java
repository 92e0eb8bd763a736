package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.emulator.ChatEvent;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.EmulatedBot;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Someone chatting with a bot in the emulator. Every action waits until the bot has finished
 * handling it (its replies delivered) and returns what the bot did in answer.
 */
public final class Person {
    private static final long TIMEOUT_NANOS = 15_000_000_000L;

    private final EmulatedBot bot;
    private final LongSupplier handledUpdates;
    private final long chatId;

    public Person(EmulatedBot bot, LongSupplier handledUpdates, long chatId, String name, String languageCode) {
        this.bot = bot;
        this.handledUpdates = handledUpdates;
        this.chatId = chatId;
        bot.introduce(chatId, name, languageCode);
    }

    public long id() {
        return chatId;
    }

    public Answer says(String text) {
        return act(() -> {
            bot.personSends(chatId, text);
            return null;
        });
    }

    public Answer presses(String label) {
        return act(() -> bot.personPresses(chatId, label));
    }

    /** Presses the latest button that carries {@code data}, whatever its label in the person's language. */
    public Answer pressesButtonWithData(String data) {
        List<ChatMessage> messages = bot.botMessages(chatId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (message.buttons().stream().anyMatch(button -> data.equals(button.callbackData()))) {
                return pressesWithData(message.messageId(), data);
            }
        }
        throw new AssertionError("no button with data " + data + " in chat " + chatId);
    }

    public Answer pressesOn(int messageId, String label) {
        return act(() -> bot.personPresses(chatId, messageId, label));
    }

    public Answer pressesWithData(int messageId, String data) {
        return act(() -> bot.personPressesWithData(chatId, messageId, data));
    }

    public ChatMessage lastBotMessage() {
        List<ChatMessage> messages = bot.botMessages(chatId);
        assertThat(messages).as("messages from the bot").isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    public ChatMessage message(int messageId) {
        return bot.message(chatId, messageId).orElseThrow();
    }

    public List<ChatMessage> botMessages() {
        return bot.botMessages(chatId);
    }

    private Answer act(Supplier<?> action) {
        long sequence = bot.lastEventSequence();
        long handled = handledUpdates.getAsLong();
        action.get();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (handledUpdates.getAsLong() <= handled) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not finish handling the action in time");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        List<ChatEvent> events = bot.events(chatId).stream()
                .filter(event -> event.sequence() > sequence && event.byBot()).toList();
        return new Answer(events, this);
    }

    /** What the bot did in answer to one action. */
    public record Answer(List<ChatEvent> events, Person person) {

        /** The text of the last message the bot sent or edited in answer. */
        public String text() {
            return lastShown().text();
        }

        /** The last message the bot sent or edited in answer, as it is now. */
        public ChatMessage lastShown() {
            ChatEvent last = events.stream().filter(e -> e.kind() != ChatEvent.Kind.BOT_ANSWERED_PRESS)
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("the bot showed nothing: " + events));
            return person.message(last.messageId());
        }

        /** Every message the bot sent or edited in answer, as it is now, in order. */
        public List<ChatMessage> shown() {
            return events.stream().filter(e -> e.kind() != ChatEvent.Kind.BOT_ANSWERED_PRESS)
                    .map(e -> person.message(e.messageId())).distinct().toList();
        }

        public boolean edited() {
            return events.stream().anyMatch(e -> e.kind() == ChatEvent.Kind.BOT_EDITED);
        }

        public int sentCount() {
            return (int) events.stream().filter(e -> e.kind() == ChatEvent.Kind.BOT_SENT).count();
        }

        /** The note shown when the press was answered, or "" if none. */
        public String pressNote() {
            return events.stream().filter(e -> e.kind() == ChatEvent.Kind.BOT_ANSWERED_PRESS)
                    .map(ChatEvent::text).findFirst().orElse("");
        }

        /** Did the person see anything at all: a message, an edit, or a note on the pressed button? */
        public boolean anythingVisible() {
            return events.stream().anyMatch(e -> e.kind() != ChatEvent.Kind.BOT_ANSWERED_PRESS || !e.text().isEmpty());
        }
    }
}
