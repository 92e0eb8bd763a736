package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.out.UnavailableException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every pooled connection carries the configured {@code statement_timeout} and {@code lock_timeout}:
 * a query that runs too long, or a store call stuck behind someone else's lock, fails as
 * "unavailable, try again later" within the limit instead of hanging with its connection.
 */
class QueryTimeoutIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Duration STATEMENT_TIMEOUT = Duration.ofMillis(700);
    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(400);

    @Test
    void aStatementBeyondTheStatementTimeoutIsCancelledAndReportedUnavailable() {
        try (PostgresDatabase database = PostgresDatabase.open(
                DATABASE.settings().withQueryTimeouts(STATEMENT_TIMEOUT, Duration.ZERO))) {
            long began = System.nanoTime();

            assertThatThrownBy(() -> database.jdbi().<String>withHandle(handle ->
                    handle.createQuery("SELECT pg_sleep(30)").mapTo(String.class).one()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageNotContaining("pg_sleep");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));

            // The pool is fine afterwards, and each session says what it was given.
            assertThat(setting(database, "statement_timeout")).isEqualTo("700ms");
        }
    }

    @Test
    void aStoreCallWaitingForALockBeyondTheLockTimeoutFailsUnavailable() throws Exception {
        TelegramId anna = Fixtures.newId();
        DATABASE.database().accountStores().users().addUser(Fixtures.user(anna));
        try (PostgresDatabase database = PostgresDatabase.open(
                        DATABASE.settings().withQueryTimeouts(Duration.ofSeconds(30), LOCK_TIMEOUT));
                Handle locker = DATABASE.jdbi().open()) {
            locker.begin();
            locker.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            long began = System.nanoTime();

            assertThatThrownBy(() -> database.accountStores().users().findUser(anna))
                    .isInstanceOf(UnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
            locker.rollback();

            assertThat(database.accountStores().users().findUser(anna)).isPresent();
        }
    }

    @Test
    void theDefaultsLimitStatementsAndLockWaits() {
        try (PostgresDatabase database = PostgresDatabase.open(DATABASE.settings())) {
            assertThat(setting(database, "statement_timeout")).isEqualTo("30s");
            assertThat(setting(database, "lock_timeout")).isEqualTo("10s");
        }
    }

    /** A setting of a pooled session, as the server shows it; {@code name} is ours, never input. */
    private static String setting(PostgresDatabase database, String name) {
        return database.jdbi().<String>withHandle(handle -> handle.createQuery("SHOW " + name).mapTo(String.class).one());
    }
}
