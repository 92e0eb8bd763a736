package io.parceltrack.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own on the test server, with a random name, dropped on {@link #close()} and,
 * should a test run die first, when the JVM exits. The server is the one {@link TestPostgresServer}
 * chose for this run, reached as user {@code postgres} (user and password may also go into the
 * query string of {@code PARCELTRACK_TEST_PG_URL}: {@code ?user=me&password=secret}).
 */
public final class TemporaryDatabase implements AutoCloseable {
    private static final String DEFAULT_USER = "postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminUrl;
    private final String name;
    private final Thread dropAtExit;
    private boolean dropped;

    private TemporaryDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.dropAtExit = new Thread(this::drop, "drop " + name);
    }

    /** Creates a fresh, empty UTF8 database on the test server. */
    public static TemporaryDatabase create() {
        return create("UTF8");
    }

    /** {@code encoding} is a PostgreSQL encoding name, never input. */
    static TemporaryDatabase create(String encoding) {
        String adminUrl = TestPostgresServer.get().adminUrl();
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        TemporaryDatabase database = new TemporaryDatabase(adminUrl, "parceltrack_test_" + HexFormat.of().formatHex(suffix));
        // The name is ours ([a-z0-9_]), never input: identifiers cannot be bound as parameters.
        database.runOnServer("CREATE DATABASE " + database.name
                + " TEMPLATE template0 ENCODING '" + encoding + "' LC_COLLATE 'C' LC_CTYPE 'C'");
        Runtime.getRuntime().addShutdownHook(database.dropAtExit);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        Matcher url = URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException(TestPostgresServer.URL_VARIABLE + " is not a PostgreSQL JDBC URL");
        }
        return url.group(1) + "/" + name + (url.group(3) == null ? "" : url.group(3));
    }

    /** Settings for a small pool on this database. */
    public PostgresSettings settings() {
        return new PostgresSettings(jdbcUrl(), DEFAULT_USER, null, 10, Duration.ofSeconds(10), "parceltrack-test");
    }

    /** Drops the database, ending whatever sessions are still connected to it. */
    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private synchronized void drop() {
        if (!dropped) {
            runOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            dropped = true;
        }
    }

    private void runOnServer(String sql) {
        Properties credentials = new Properties();
        credentials.setProperty("user", DEFAULT_USER);
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test PostgreSQL server at " + adminUrl
                    + " did not run: " + sql + " (is it up? see " + TestPostgresServer.URL_VARIABLE + " and "
                    + TestPostgresServer.CHOICE_VARIABLE + ")", e);
        }
    }
}
