package io.parceltrack.postgres;

import java.util.Locale;
import java.util.Optional;

/**
 * Which of ParcelTrack's databases a connection serves. Each role has its own migrations, its own
 * Flyway history table and, for accounts and parcels, optional demo data with a history of its own;
 * so the roles may live in separate databases (as in production) or share one (local runs, tests).
 */
public enum DatabaseRole {
    /** Users and managers. */
    ACCOUNTS("db/accounts", "db/demo/accounts"),
    /** Parcels, checkpoints, subscriptions, the outbox, processed-message ids, idempotency keys. */
    PARCELS("db/parcels", "db/demo/parcels"),
    /** The bots' conversation state, blocked chats and delivered-message ids. */
    BOTS("db/bots", null);

    private final String migrations;
    private final String demoData;

    DatabaseRole(String migrations, String demoData) {
        this.migrations = migrations;
        this.demoData = demoData;
    }

    /** Classpath folder of the schema migrations. */
    public String migrationsLocation() {
        return migrations;
    }

    /** Classpath folder of the demo data, if this role has any. */
    public Optional<String> demoDataLocation() {
        return Optional.ofNullable(demoData);
    }

    String historyTable() {
        return "flyway_history_" + name().toLowerCase(Locale.ROOT);
    }

    String demoHistoryTable() {
        return historyTable() + "_demo";
    }
}
