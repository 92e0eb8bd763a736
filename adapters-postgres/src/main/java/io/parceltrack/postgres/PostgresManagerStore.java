package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiTokenHash;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.port.out.ManagerStore;
import java.time.Instant;
import java.util.Optional;

/** Registered managers and the hashes of their API tokens, in the accounts database. */
public final class PostgresManagerStore implements ManagerStore {
    private static final String INSERT = """
            INSERT INTO managers (telegram_id, full_name, email, phone, company, registered_at)
            VALUES (:id, :fullName, :email, :phone, :company, :registeredAt)
            """;
    private static final String FIND = """
            SELECT telegram_id, full_name, email, phone, company, registered_at, api_token_issued_at
            FROM managers
            WHERE telegram_id = :id
            """;
    // The row lock of an UPDATE makes concurrent first issues queue up; each re-checks the
    // condition once the one before it committed, so exactly one of them sets the token.
    private static final String SET_FIRST_TOKEN = """
            UPDATE managers SET api_token_hash = :hash, api_token_issued_at = :issuedAt
            WHERE telegram_id = :id AND api_token_hash IS NULL
            """;
    private static final String REPLACE_TOKEN = """
            UPDATE managers SET api_token_hash = :hash, api_token_issued_at = :issuedAt
            WHERE telegram_id = :id AND api_token_hash IS NOT NULL
            """;
    static final String FIND_TOKEN_HOLDER = """
            SELECT telegram_id, api_token_hash
            FROM managers
            WHERE api_token_hash = :hash
            """;

    private final TranslatedJdbi db;

    PostgresManagerStore(TranslatedJdbi db) {
        this.db = db;
    }

    /** A second manager with the same id breaks {@code managers_pkey}: AlreadyExistsException (MANAGER). */
    @Override
    public void addManager(Manager manager) {
        db.withHandle(handle -> AccountRows.bindProfile(handle.createUpdate(INSERT), manager.profile())
                .bind("id", manager.id().value())
                .bind("company", manager.company())
                .bind("registeredAt", manager.registeredAt())
                .execute());
    }

    @Override
    public Optional<Manager> findManager(TelegramId id) {
        return db.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", id.value())
                .map((row, context) -> new Manager(new TelegramId(row.getLong("telegram_id")),
                        AccountRows.profile(row), row.getString("company"),
                        Columns.instant(row, "registered_at"), Columns.instant(row, "api_token_issued_at")))
                .findOne());
    }

    @Override
    public boolean setFirstApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        return updateToken(SET_FIRST_TOKEN, manager, hash, issuedAt);
    }

    @Override
    public boolean replaceApiToken(TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        return updateToken(REPLACE_TOKEN, manager, hash, issuedAt);
    }

    @Override
    public Optional<ApiTokenHolder> findApiTokenHolder(ApiTokenHash hash) {
        return db.withHandle(handle -> handle.createQuery(FIND_TOKEN_HOLDER)
                .bind("hash", hash.hex())
                .map((row, context) -> new ApiTokenHolder(new TelegramId(row.getLong("telegram_id")),
                        new ApiTokenHash(row.getString("api_token_hash"))))
                .findOne());
    }

    private boolean updateToken(String sql, TelegramId manager, ApiTokenHash hash, Instant issuedAt) {
        return db.withHandle(handle -> handle.createUpdate(sql)
                .bind("id", manager.value())
                .bind("hash", hash.hex())
                .bind("issuedAt", issuedAt)
                .execute()) == 1;
    }
}
