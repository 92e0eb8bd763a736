package io.parceltrack.telegram.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Telegram-like flood control: at most {@code perBot} messages of one bot, and {@code perChat}
 * messages into one chat, in any {@code window}. A bot that goes over is answered 429 with a
 * {@code retry_after}, and every further request in that scope keeps getting 429 until the time is up.
 * Sent and edited messages count; answers to button presses do not.
 */
public record EmulatorLimits(boolean enabled, int perBot, int perChat, Duration window) {

    public EmulatorLimits {
        Objects.requireNonNull(window, "window");
        if (perBot < 1 || perChat < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** No flood control at all. */
    public static EmulatorLimits off() {
        return new EmulatorLimits(false, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(1));
    }

    /** Telegram's published figures: about 30 messages a second per bot, one a second per chat. */
    public static EmulatorLimits telegramLike() {
        return new EmulatorLimits(true, 30, 1, Duration.ofSeconds(1));
    }
}
