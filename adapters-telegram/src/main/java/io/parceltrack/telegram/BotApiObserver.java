package io.parceltrack.telegram;

import java.time.Duration;

/**
 * Told of every Bot API request a bot made and how it ended: how metrics see Telegram without
 * this adapter knowing a metrics library. {@code method} is the Bot API method (e.g.
 * {@code sendMessage}); chat ids are never passed, so observers cannot make them labels.
 */
@FunctionalInterface
public interface BotApiObserver {
    BotApiObserver NONE = (bot, method, outcome, retryAfterSeconds, elapsed) -> {};

    /** @param retryAfterSeconds Telegram's {@code retry_after} for {@link Outcome#RATE_LIMITED}, else 0 */
    void answered(String bot, String method, Outcome outcome, int retryAfterSeconds, Duration elapsed);

    enum Outcome {
        /** Telegram accepted the request. */
        OK,
        /** 429: the request waits for {@code retry_after} and is sent again. */
        RATE_LIMITED,
        /** 403 or "chat not found": the person blocked the bot or is gone. */
        RECIPIENT_UNREACHABLE,
        /** Another 4xx: Telegram refused the request itself. */
        REJECTED,
        /** Network trouble or a 5xx: tried again later. */
        FAILED
    }
}
