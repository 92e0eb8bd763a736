package io.parceltrack.postgres;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import java.util.function.UnaryOperator;
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
