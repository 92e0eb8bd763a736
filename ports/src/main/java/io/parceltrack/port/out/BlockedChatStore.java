package io.parceltrack.port.out;

import java.time.Instant;

/** Chats whose owner blocked a bot: we stop sending there until they come back. */
public interface BlockedChatStore {
    void markBlocked(String bot, long chatId, Instant at);

    /** The person wrote to the bot again. */
    void unmarkBlocked(String bot, long chatId);

    boolean isBlocked(String bot, long chatId);
}
