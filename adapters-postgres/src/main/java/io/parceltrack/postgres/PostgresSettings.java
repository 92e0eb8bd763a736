package io.parceltrack.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one PostgreSQL database. {@code password} may be {@code null} (e.g. trust or peer
 * authentication). {@code applicationName} names the connection pool and shows up in
 * {@code pg_stat_activity}. {@code connectionTimeout} is how long a call waits for a connection
 * before the database counts as unavailable.
 */
public record PostgresSettings(
        String jdbcUrl,
        String user,
        String password,
        int maxPoolSize,
        Duration connectionTimeout,
        String applicationName) {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
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
    }

    /** Default pool size and timeout. */
    public static PostgresSettings of(String jdbcUrl, String user, String password, String applicationName) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                applicationName);
    }

    public PostgresSettings withMaxPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, user, password, size, connectionTimeout, applicationName);
    }

    public PostgresSettings withConnectionTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, maxPoolSize, timeout, applicationName);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(redacted)")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout
                + ", applicationName=" + applicationName + "]";
    }
}
