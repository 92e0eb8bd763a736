package io.parceltrack.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one PostgreSQL database. {@code password} may be {@code null} (e.g. trust or peer
 * authentication). {@code applicationName} names the connection pool and shows up in
 * {@code pg_stat_activity}. {@code connectionTimeout} is how long a call waits for a connection
 * before the database counts as unavailable. {@code statementTimeout} and {@code lockTimeout} are
 * the server's {@code statement_timeout} and {@code lock_timeout} on every pooled connection: a
 * query that runs too long or waits too long for a lock is cancelled by the server and the call
 * fails as unavailable instead of holding a connection (and its caller) indefinitely; zero means no limit.
 */
public record PostgresSettings(
        String jdbcUrl,
        String user,
        String password,
        int maxPoolSize,
        Duration connectionTimeout,
        String applicationName,
        Duration statementTimeout,
        Duration lockTimeout) {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Far beyond any query of ours (they take milliseconds), short enough that nothing hangs. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Our transactions hold row locks for milliseconds; waiting seconds means something is stuck. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /** HikariCP's lower bound. */
    private static final Duration SHORTEST_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(applicationName, "applicationName");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (maxPoolSize < 1 || maxPoolSize > 1000) {
            throw new IllegalArgumentException("maxPoolSize must be between 1 and 1000");
        }
        if (connectionTimeout.compareTo(SHORTEST_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
        }
        if (applicationName.isBlank()) {
            throw new IllegalArgumentException("applicationName must not be blank");
        }
        requireTimeout(statementTimeout, "statementTimeout");
        requireTimeout(lockTimeout, "lockTimeout");
    }

    /** The default statement and lock timeouts. */
    public PostgresSettings(String jdbcUrl, String user, String password, int maxPoolSize, Duration connectionTimeout,
            String applicationName) {
        this(jdbcUrl, user, password, maxPoolSize, connectionTimeout, applicationName, DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_LOCK_TIMEOUT);
    }

    private static void requireTimeout(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 0 (no limit) and " + Integer.MAX_VALUE + " ms");
        }
        if (!timeout.isZero() && timeout.toMillis() == 0) {
            throw new IllegalArgumentException(name + " must be whole milliseconds, at least 1 ms (or 0: no limit)");
        }
    }

    /** Default pool size and timeout. */
    public static PostgresSettings of(String jdbcUrl, String user, String password, String applicationName) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                applicationName);
    }

    public PostgresSettings withMaxPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, user, password, size, connectionTimeout, applicationName, statementTimeout,
                lockTimeout);
    }

    public PostgresSettings withConnectionTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, maxPoolSize, timeout, applicationName, statementTimeout,
                lockTimeout);
    }

    /** Other server-side limits for each statement and each lock wait; zero: no limit. */
    public PostgresSettings withQueryTimeouts(Duration statement, Duration lock) {
        return new PostgresSettings(jdbcUrl, user, password, maxPoolSize, connectionTimeout, applicationName, statement,
                lock);
    }

    /** The {@code options} connection parameter that sets the timeouts in every session of the pool. */
    String sessionOptions() {
        return "-c statement_timeout=" + statementTimeout.toMillis() + " -c lock_timeout=" + lockTimeout.toMillis();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(redacted)")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout
                + ", applicationName=" + applicationName + ", statementTimeout=" + statementTimeout
                + ", lockTimeout=" + lockTimeout + "]";
    }
}
