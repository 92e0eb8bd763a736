package io.parceltrack.postgres;

import io.parceltrack.port.out.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one translation of database failures. A broken constraint that a caller's data can break
 * becomes the domain error for it ({@link BrokenConstraints}); trouble reaching or using the
 * server becomes {@link UnavailableException}; anything else is a bug of ours. No SQL text, bound
 * value or server message ever becomes the message of what is thrown: those stay in the cause, for
 * the logs, and only there.
 */
final class SqlFailures {
    static final String UNAVAILABLE = "the database is unavailable; try again later";

    /**
     * SQLSTATE classes of a lost or refused connection (08), exhausted server resources (53) and
     * system errors (58).
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "58");

    /**
     * Transient states: a transaction that lost a race and may simply be run again (40001, 40P01),
     * a lock or statement timeout (55P03, 57014), a server shutting down or starting (57P01..03),
     * and a read-only server, e.g. a standby during a failover (25006).
     */
    private static final Set<String> UNAVAILABLE_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "25006");

    private SqlFailures() {}

    static RuntimeException translate(JdbiException failure) {
        return translate(failure, firstSqlException(failure), failure instanceof ConnectionException);
    }

    /** The same for a failure of plain JDBC on a handle's connection (see {@link TranslatedJdbi#inTransactionOnConnection}). */
    static RuntimeException translate(SQLException failure) {
        return translate(failure, failure, false);
    }

    private static RuntimeException translate(Exception failure, SQLException sql, boolean noConnection) {
        if (noConnection || (sql != null && isUnavailable(sql))) {
            return new UnavailableException(UNAVAILABLE, failure);
        }
        String constraint = constraintOf(sql);
        return BrokenConstraints.errorFor(constraint)
                .<RuntimeException>map(domainError -> domainError)
                .orElseGet(() -> new IllegalStateException(describe(sql, constraint), failure));
    }

    static boolean isUnavailable(SQLException sql) {
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && state.length() == 5
                && (UNAVAILABLE_CLASSES.contains(state.substring(0, 2)) || UNAVAILABLE_STATES.contains(state));
    }

    /** The outermost SQLException among the causes; the walk is bounded in case causes form a loop. */
    static SQLException firstSqlException(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message == null ? null : message.getConstraint();
        }
        return null;
    }

    private static String describe(SQLException sql, String constraint) {
        String state = sql == null ? "none" : sql.getSQLState();
        return constraint == null
                ? "a database call failed (SQLSTATE " + state + ")"
                : "a database call broke constraint " + constraint + " (SQLSTATE " + state + ")";
    }
}
