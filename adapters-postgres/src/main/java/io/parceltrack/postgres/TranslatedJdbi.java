package io.parceltrack.postgres;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

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

    /** Work that talks JDBC on a handle's connection. */
    @FunctionalInterface
    interface ConnectionWork<R> {
        R run(Handle handle, Connection connection) throws SQLException;
    }

    /**
     * As {@link #inTransaction}, for the few hot paths that prepare and bind their statements
     * themselves on the handle's connection: JDBI's per-statement machinery (named parameters,
     * argument factories, statement context) cost about as much CPU as the driver's own work there.
     * The transaction, its callbacks and nesting stay JDBI's; failures are translated the same way.
     */
    <R> R inTransactionOnConnection(ConnectionWork<R> work) {
        return onConnection(work, true);
    }

    /**
     * As {@link #inTransactionOnConnection}, without a transaction of its own: inside a caller's
     * transaction the work joins it, otherwise each statement commits on its own.
     */
    <R> R withHandleOnConnection(ConnectionWork<R> work) {
        return onConnection(work, false);
    }

    private <R> R onConnection(ConnectionWork<R> work, boolean transaction) {
        HandleCallback<R, RuntimeException> callback = handle -> {
            try {
                return work.run(handle, handle.getConnection());
            } catch (SQLException e) {
                throw new FailedOnConnection(e);
            }
        };
        try {
            return transaction ? jdbi.inTransaction(callback) : jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw SqlFailures.translate(e);
        } catch (FailedOnConnection e) {
            throw SqlFailures.translate(e.sqlException());
        }
    }

    /** Carries a JDBC failure out of a JDBI callback, which may not throw checked exceptions. */
    private static final class FailedOnConnection extends RuntimeException {
        FailedOnConnection(SQLException cause) {
            super(cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /**
     * One page of a query ending in {@code LIMIT :limit OFFSET :offset}: it fetches one row more
     * than the page holds, to learn whether another page follows without counting them all.
     */
    <T> Page<T> page(String sql, PageRequest page, UnaryOperator<Query> bindings, RowMapper<T> rows) {
        return Page.fromLookahead(withHandle(handle -> bindings.apply(handle.createQuery(sql))
                .bind("limit", page.size() + 1)
                .bind("offset", page.offset())
                .map(rows)
                .list()), page);
    }
}
