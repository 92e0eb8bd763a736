package io.parceltrack.postgres;

import io.parceltrack.port.out.ProcessedMessageStore;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids of broker messages a consumer has handled: {@code processed_messages} in the parcels
 * database, {@code bot_processed_messages} in the bots database.
 */
public final class PostgresProcessedMessageStore implements ProcessedMessageStore {
    /** The two tables this store can keep its ids in; the names are fixed, never from input. */
    enum Table {
        PARCELS("processed_messages"),
        BOTS("bot_processed_messages");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    static final String IS_PROCESSED = """
            SELECT EXISTS (SELECT 1 FROM <table> WHERE consumer = :consumer AND message_id = :messageId)
            """;
    private static final String MARK = """
            INSERT INTO <table> (consumer, message_id, processed_at)
            VALUES (:consumer, :messageId, :at)
            ON CONFLICT (consumer, message_id) DO NOTHING
            """;
    static final String FORGET = "DELETE FROM <table> WHERE processed_at < :cutoff";

    private final TranslatedJdbi db;
    private final String table;

    PostgresProcessedMessageStore(TranslatedJdbi db, Table table) {
        this.db = db;
        this.table = table.name;
    }

    @Override
    public boolean isProcessed(String consumer, UUID messageId) {
        return db.withHandle(handle -> handle.createQuery(IS_PROCESSED)
                .define("table", table)
                .bind("consumer", consumer)
                .bind("messageId", messageId)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public boolean markProcessed(String consumer, UUID messageId, Instant at) {
        return db.withHandle(handle -> handle.createUpdate(MARK)
                .define("table", table)
                .bind("consumer", consumer)
                .bind("messageId", messageId)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public int forgetProcessedBefore(Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET)
                .define("table", table)
                .bind("cutoff", cutoff)
                .execute());
    }
}
