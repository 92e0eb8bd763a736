package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import io.parceltrack.port.out.UserStore;
import java.util.Optional;

/** Registered recipients, in the accounts database. */
public final class PostgresUserStore implements UserStore {
    private static final String INSERT = """
            INSERT INTO users (telegram_id, full_name, email, phone, registered_at)
            VALUES (:id, :fullName, :email, :phone, :registeredAt)
            """;
    private static final String FIND = """
            SELECT telegram_id, full_name, email, phone, registered_at
            FROM users
            WHERE telegram_id = :id
            """;

    private final TranslatedJdbi db;

    PostgresUserStore(TranslatedJdbi db) {
        this.db = db;
    }

    /** A second user with the same id breaks {@code users_pkey}: AlreadyExistsException (USER). */
    @Override
    public void addUser(User user) {
        db.withHandle(handle -> AccountRows.bindProfile(handle.createUpdate(INSERT), user.profile())
                .bind("id", user.id().value())
                .bind("registeredAt", user.registeredAt())
                .execute());
    }

    @Override
    public Optional<User> findUser(TelegramId id) {
        return db.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", id.value())
                .map((row, context) -> new User(new TelegramId(row.getLong("telegram_id")),
                        AccountRows.profile(row), Columns.instant(row, "registered_at")))
                .findOne());
    }
}
