package io.parceltrack.telegram.chat;

import io.parceltrack.domain.TelegramId;
import java.util.Locale;
import java.util.Optional;

/** What a person did in a private chat with a bot. */
public sealed interface Incoming {
    long chatId();

    TelegramId person();

    /** Telegram's language code of the person's app, or {@code null}. */
    String languageCode();

    /** A command: its lower-case name without slash and bot name, and the text after it (a deep link's payload). */
    record Command(String name, String argument) {}

    /** A text message, possibly a command. */
    record Message(long chatId, TelegramId person, String languageCode, String text) implements Incoming {
        /** The command, if the text is one ({@code /Menu@my_bot} → {@code menu}). */
        public Optional<Command> command() {
            String trimmed = text.strip();
            if (!trimmed.startsWith("/") || trimmed.length() < 2) {
                return Optional.empty();
            }
            String[] words = trimmed.substring(1).split("\\s+", 2);
            String word = words[0];
            int at = word.indexOf('@');
            String name = (at >= 0 ? word.substring(0, at) : word).toLowerCase(Locale.ROOT);
            return Optional.of(new Command(name, words.length > 1 ? words[1].strip() : ""));
        }
    }

    /** A press of one of the bot's inline buttons under message {@code messageId}. */
    record Press(long chatId, TelegramId person, String languageCode, String callbackId, int messageId, String data)
            implements Incoming {}

    /** Anything else: a photo, a sticker, a voice note... */
    record Unsupported(long chatId, TelegramId person, String languageCode) implements Incoming {}
}
