package io.parceltrack.postgres;

import io.parceltrack.port.out.UnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL advisory lock that lets one migration run at a time on a database. Apps that start
 * together all migrate their database first; Flyway's own lock is taken only after it has looked
 * for, and perhaps created, its history table, so two first runs could both see a table the other
 * had just created, still empty, and one of them then refused to baseline it. Holding this lock
 * around the whole run makes every later run see the history the first one wrote.
 *
 * <p>The lock lives on a connection of its own, outside the pool (which may hold a single
 * connection that Flyway needs), and goes when that connection closes, even if the process dies.
 */
final class MigrationLock implements AutoCloseable {
    /** "ParcelTr" in ASCII: one key for every ParcelTrack migration of a database. */
    private static final long KEY = 0x5061_7263_656c_5472L;

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until no other migration runs on the database of {@code settings}, then holds the lock. */
    static MigrationLock take(PostgresSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (settings.password() != null && !settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", settings.applicationName() + " migration lock");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("logServerErrorDetail", "false");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            return new MigrationLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            if (SqlFailures.isUnavailable(e)) {
                throw new UnavailableException(SqlFailures.UNAVAILABLE, e);
            }
            throw new IllegalStateException("could not take the migration lock", e);
        }
    }

    /** Closing the connection releases the lock. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server drops a session's advisory locks with the session
        }
    }
}
