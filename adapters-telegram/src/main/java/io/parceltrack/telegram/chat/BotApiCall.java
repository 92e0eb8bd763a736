package io.parceltrack.telegram.chat;

import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Performs one Bot API request and waits for its answer (the telegrambots client in production). */
@FunctionalInterface
public interface BotApiCall {
    Serializable call(BotApiMethod<? extends Serializable> method) throws TelegramApiException;
}
