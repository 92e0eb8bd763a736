package io.parceltrack.telegram.chat;

import io.parceltrack.domain.TelegramId;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Turns a Telegram update into what a person did. Only private chats with a person count. */
final class UpdateReader {
    private UpdateReader() {}

    static Optional<Incoming> read(Update update) {
        if (update.hasMessage()) {
            Message message = update.getMessage();
            User from = message.getFrom();
            if (from == null || Boolean.TRUE.equals(from.getIsBot()) || !message.isUserMessage()) {
                return Optional.empty();
            }
            TelegramId person = TelegramId.of(from.getId());
            if (message.hasText()) {
                return Optional.of(new Incoming.Message(message.getChatId(), person, from.getLanguageCode(),
                        message.getText()));
            }
            return Optional.of(new Incoming.Unsupported(message.getChatId(), person, from.getLanguageCode()));
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            User from = query.getFrom();
            if (from == null || query.getMessage() == null || !query.getMessage().isUserMessage()) {
                return Optional.empty();
            }
            return Optional.of(new Incoming.Press(query.getMessage().getChatId(), TelegramId.of(from.getId()),
                    from.getLanguageCode(), query.getId(), query.getMessage().getMessageId(),
                    query.getData() == null ? "" : query.getData()));
        }
        return Optional.empty();
    }
}
