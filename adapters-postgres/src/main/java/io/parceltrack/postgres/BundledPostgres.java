package io.parceltrack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the programs in the jar ({@link PostgresBinaries}), listening on
 * a free loopback port only, with its data in {@code home/data} and its log in
 * {@code home/server.log}. A new home is initialised on first start; a home that holds data is
 * started again as it is, so what was stored survives a restart.
 *
 * <p>The server lives no longer than the JVM: it is started by a small shell watchdog that reads
 * the JVM's end of a pipe and stops the server (fast shutdown) when the pipe closes, which happens on
 * {@link #close()} and also when the JVM dies without running any hook.
 */
public final class BundledPostgres implements AutoCloseable {
    public static final String SUPERUSER = "postgres";

    /** How careful the server is with what it stores. */
    public enum Durability {
        /** PostgreSQL's defaults: survives a power cut. */
        DURABLE(List.of()),
        /** No fsync: fast, and a crash of the machine may lose data. For tests. */
        DISPOSABLE(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300"));

        private final List<String> settings;

        Durability(List<String> settings) {
            this.settings = settings;
        }
    }

    /**
     * Runs the server in the background, stops it when the JVM's end of standard input closes,
     * and ends with the server's exit status.
     */
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            server=$!
            ( read -r ignored <&3; kill -INT "$server" 2>/dev/null ) &
            exec 3<&-
            wait "$server"
            """;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private final Path home;
    private final Process watchdog;
    private final int port;
    private final String version;

    private BundledPostgres(Path home, Process watchdog, int port, String version) {
        this.home = home;
        this.watchdog = watchdog;
        this.port = port;
        this.version = version;
    }

    /**
     * Starts a server on the data in {@code home}, creating it there first if there is none.
     *
     * @throws IllegalStateException naming the reason and the log file if the server does not start
     */
    public static BundledPostgres start(Path home, Durability durability) {
        ServerAccount account = ServerAccount.forThisJvm();
        try {
            Path data = home.resolve("data");
            Path log = home.resolve("server.log");
            Files.createDirectories(home);
            if (!Files.isDirectory(data)) {
                Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            account.own(home);
            String version = version(account);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initialise(account, data, log, durability);
            }
            checkMajorVersion(data, version);
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Process watchdog = launch(account, data, log, port, durability);
                if (awaitReady(watchdog, port)) {
                    return new BundledPostgres(home, watchdog, port, version);
                }
                watchdog.getOutputStream().close();
                if (attempt == PORT_ATTEMPTS || !lastLines(log).contains("Address already in use")) {
                    throw new IllegalStateException("the bundled PostgreSQL did not start in " + data + ", started "
                            + account.describe() + "; its log " + log + " ends with:\n" + lastLines(log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the bundled PostgreSQL in " + home + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** E.g. {@code 17.5}. */
    public String version() {
        return version;
    }

    public Path home() {
        return home;
    }

    /** The URL of {@code database} on this server; connect as {@link #SUPERUSER}, no password. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates a UTF8 database called {@code name} unless it exists.
     *
     * @param name lower-case letters, digits and underscores: it becomes an identifier
     */
    public void createDatabaseIfAbsent(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a database name of lower-case letters, digits and underscores");
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name + " on the bundled PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended) and waits for it to end. */
    @Override
    public void close() {
        try {
            watchdog.getOutputStream().close();
            if (!watchdog.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (IOException e) {
            watchdog.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyForcibly();
        }
    }

    private static String version(ServerAccount account) throws IOException {
        Process process = new ProcessBuilder(account.command(List.of(PostgresBinaries.program("postgres").toString(), "-V")))
                .directory(PostgresBinaries.directory().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        // "postgres (PostgreSQL) 17.5"
        return output.substring(output.lastIndexOf(' ') + 1);
    }

    private static void initialise(ServerAccount account, Path data, Path log, Durability durability) throws IOException {
        List<String> initdb = new ArrayList<>(List.of(PostgresBinaries.program("initdb").toString(),
                "--pgdata=" + data, "--username=" + SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C"));
        if (durability == Durability.DISPOSABLE) {
            initdb.add("--no-sync");
        }
        Process process = new ProcessBuilder(account.command(initdb))
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("initdb failed (run " + account.describe() + "); " + log + " ends with:\n"
                        + lastLines(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the database cluster", e);
        }
    }

    private static void checkMajorVersion(Path data, String version) throws IOException {
        String stored = Files.readString(data.resolve("PG_VERSION")).trim();
        String major = version.split("\\.")[0];
        if (!stored.equals(major)) {
            throw new IOException(data + " holds data of PostgreSQL " + stored + ", and this build runs PostgreSQL "
                    + version + "; upgrade the data with pg_upgrade or start with a new directory");
        }
    }

    private static Process launch(ServerAccount account, Path data, Path log, int port, Durability durability)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "parceltrack-postgres",
                PostgresBinaries.program("postgres").toString(), "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
        for (String setting : durability.settings) {
            command.add("-c");
            command.add(setting);
        }
        return new ProcessBuilder(account.command(command))
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static boolean awaitReady(Process watchdog, int port) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2";
        while (System.nanoTime() < deadline) {
            if (!watchdog.isAlive()) {
                return false;
            }
            try (Connection ignored = DriverManager.getConnection(url, superuser())) {
                return true;
            } catch (SQLException notYet) {
                sleep();
            }
        }
        return false;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), superuser());
    }

    private static Properties superuser() {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bundled PostgreSQL", e);
        }
    }
}
