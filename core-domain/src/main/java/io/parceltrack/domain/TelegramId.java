package io.parceltrack.domain;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;

/** A Telegram user id: the identity of both users and managers. */
public record TelegramId(long value) {

    public TelegramId {
        if (value <= 0) {
            throw InvalidInputException.of("telegramId", Kind.MALFORMED, "must be a positive number");
        }
    }

    public static TelegramId of(long value) {
        return new TelegramId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
