package io.parceltrack.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one bot may send: at most {@code perBot} messages in any {@code window}, and at most
 * {@code perChat} of them into one chat. Telegram asks for about 30 a second per bot and about one a
 * second per chat; tests may pick other figures (or a shorter window) to run faster.
 */
public record SendRates(int perBot, int perChat, Duration window) {

    public SendRates {
        Objects.requireNonNull(window, "window");
        if (perBot < 1 || perChat < 1 || perChat > perBot || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rates must be positive, and a chat cannot get more than the bot sends");
        }
    }

    /** Telegram's published limits: 30 messages a second per bot, one a second per chat. */
    public static SendRates telegramDefaults() {
        return new SendRates(30, 1, Duration.ofSeconds(1));
    }
}
