package io.parceltrack.postgres;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * How every store reaches the database: JDBI, with its failures translated on the way out
 * ({@link SqlFailures}). Whatever the stores' own callbacks throw (a domain error from a checkpoint
 * decision, a publisher's failure) passes through unchanged, after the transaction rolled back.
 */
final class TranslatedJdbi {
    private final Jdbi jdbi;

    TranslatedJdbi(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} on one connection, each statement in its own transaction. */
    <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw SqlFailures.translate(e);
        }
    }

    /** Runs {@code work} in one transaction, committed if it returns and rolled back if it throws. */
    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw SqlFailures.translate(e);
        }
    }
}
