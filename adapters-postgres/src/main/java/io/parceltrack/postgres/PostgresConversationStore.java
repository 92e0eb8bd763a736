package io.parceltrack.postgres;

import io.parceltrack.port.out.ConversationStore;
import java.util.Optional;

/** Each chat's dialogue state, in the bots database, so that a conversation survives a restart. */
public final class PostgresConversationStore implements ConversationStore {
    private static final String LOAD = "SELECT state FROM conversations WHERE bot = :bot AND chat_id = :chatId";
    private static final String SAVE = """
            INSERT INTO conversations (bot, chat_id, state)
            VALUES (:bot, :chatId, :state)
            ON CONFLICT (bot, chat_id) DO UPDATE SET state = excluded.state, updated_at = now()
            """;
    private static final String DELETE = "DELETE FROM conversations WHERE bot = :bot AND chat_id = :chatId";

    private final TranslatedJdbi db;

    PostgresConversationStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public Optional<String> loadConversation(String bot, long chatId) {
        return db.withHandle(handle -> handle.createQuery(LOAD)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void saveConversation(String bot, long chatId, String state) {
        db.withHandle(handle -> handle.createUpdate(SAVE)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .bind("state", state)
                .execute());
    }

    @Override
    public void deleteConversation(String bot, long chatId) {
        db.withHandle(handle -> handle.createUpdate(DELETE)
                .bind("bot", bot)
                .bind("chatId", chatId)
                .execute());
    }
}
