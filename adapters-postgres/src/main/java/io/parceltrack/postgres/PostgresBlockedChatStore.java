package io.parceltrack.postgres;

import io.parceltrack.port.out.BlockedChatStore;
import java.time.Instant;

/** Chats whose owner blocked a bot, in the bots database. */
public final class PostgresBlockedChatStore implements BlockedChatStore {
    // Marking again keeps the first time: that is when the person blocked us.
    private static final String MARK = """
            INSERT INTO blocked_chats (bot, chat_id, blocked_at)
            VALUES (:bot, :chatId, :at)
            ON CONFLICT (bot, chat_id) DO NOTHING
            """;
    private static final String UNMARK = "DELETE FROM blocked_chats WHERE bot = :bot AND chat_id = :chatId";
    private static final String IS_BLOCKED =
            "SELECT EXISTS (SELECT 1 FROM blocked_chats WHERE bot = :bot AND chat_id = :chatId)";

    private final TranslatedJdbi db;

    PostgresBlockedChatStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public void markBlocked(String bot, long chatId, Instant at) {
        db.withHandle(handle -> handle.createUpdate(MARK)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .bind("at", at)
                .execute());
    }

    @Override
    public void unmarkBlocked(String bot, long chatId) {
        db.withHandle(handle -> handle.createUpdate(UNMARK)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .execute());
    }

    @Override
    public boolean isBlocked(String bot, long chatId) {
        return db.withHandle(handle -> handle.createQuery(IS_BLOCKED)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .mapTo(Boolean.class)
                .one());
    }
}
