package io.parceltrack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every test of this JVM uses, chosen once per test run (one JVM per module
 * run) and named on the run's first line of output:
 *
 * <ul>
 *   <li>{@code PARCELTRACK_TEST_PG=embedded}: a {@link BundledPostgres} started for this run on a
 *       free loopback port, its data in a temporary directory deleted at the end;</li>
 *   <li>{@code PARCELTRACK_TEST_PG=server}: the server at {@code PARCELTRACK_TEST_PG_URL}, or at
 *       {@value #DEFAULT_URL}; never an embedded one;</li>
 *   <li>neither: the server at {@code PARCELTRACK_TEST_PG_URL} if set; otherwise the one at the
 *       default address if anything answers there, and an embedded one if nothing does.</li>
 * </ul>
 *
 * Every module's test databases come from here, through {@link TemporaryDatabase}.
 */
public final class TestPostgresServer {
    public static final String CHOICE_VARIABLE = "PARCELTRACK_TEST_PG";
    public static final String URL_VARIABLE = "PARCELTRACK_TEST_PG_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?.*");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STALE = Duration.ofMinutes(10);

    /** What to use, decided from the environment before anything starts. */
    sealed interface Choice {
        String describe();
    }

    /** A running server at {@code adminUrl} (its {@code postgres} database). */
    record Server(String adminUrl, String reason) implements Choice {
        @Override
        public String describe() {
            return "the server at " + adminUrl + " (" + reason + ")";
        }
    }

    /** A bundled server started by the tests. */
    record Embedded(String reason) implements Choice {
        @Override
        public String describe() {
            return "a bundled PostgreSQL the tests start (" + reason + ")";
        }
    }

    private static TestPostgresServer current;

    private final String adminUrl;

    private TestPostgresServer(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** This JVM's server, started on first use if it is an embedded one. */
    public static synchronized TestPostgresServer get() {
        if (current == null) {
            Choice choice = choose(System.getenv(), TestPostgresServer::answers);
            if (choice instanceof Embedded embedded) {
                current = startEmbedded(embedded);
            } else {
                Server server = (Server) choice;
                System.out.println("PostgreSQL for these tests: " + server.describe());
                current = new TestPostgresServer(server.adminUrl());
            }
        }
        return current;
    }

    /** The URL of the server's {@code postgres} database, for creating and dropping databases. */
    public String adminUrl() {
        return adminUrl;
    }

    /** Prints the choice without starting anything: Maven runs this before a module's integration tests. */
    public static void main(String[] args) {
        System.out.println("PostgreSQL for the integration tests: " + choose(System.getenv(), TestPostgresServer::answers).describe());
    }

    static Choice choose(Map<String, String> environment, Predicate<String> answers) {
        String choice = environment.getOrDefault(CHOICE_VARIABLE, "");
        String url = environment.get(URL_VARIABLE);
        return switch (choice) {
            case "embedded" -> new Embedded(CHOICE_VARIABLE + "=embedded");
            case "server" -> new Server(url == null ? DEFAULT_URL : url, CHOICE_VARIABLE + "=server");
            case "" -> {
                if (url != null) {
                    yield new Server(url, URL_VARIABLE + " names it");
                }
                yield answers.test(DEFAULT_URL)
                        ? new Server(DEFAULT_URL, "it answers; " + CHOICE_VARIABLE + "=embedded starts a bundled one instead")
                        : new Embedded("nothing answers at 127.0.0.1:5432");
            }
            default -> throw new IllegalStateException(CHOICE_VARIABLE + " must be 'embedded' or 'server', not '" + choice + "'");
        };
    }

    /** Whether something accepts a TCP connection at the host and port of {@code jdbcUrl}. */
    static boolean answers(String jdbcUrl) {
        Matcher url = HOST_AND_PORT.matcher(jdbcUrl);
        if (!url.matches()) {
            return false;
        }
        int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.group(1), port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private static TestPostgresServer startEmbedded(Embedded embedded) {
        try {
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftovers(parent);
            Path home = Files.createTempDirectory(parent, "parceltrack-test-pg-");
            long started = System.nanoTime();
            BundledPostgres server = BundledPostgres.start(home, BundledPostgres.Durability.DISPOSABLE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(home);
            }, "stop the test PostgreSQL"));
            System.out.printf("PostgreSQL for these tests: bundled PostgreSQL %s on 127.0.0.1:%d, started in %d ms,"
                            + " data in %s (%s)%n", server.version(), server.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), home, embedded.reason());
            return new TestPostgresServer(server.jdbcUrl("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Data of test runs that were killed: their server stopped with them (it removes its pid file
     * when it does), so a directory without one that has not changed for a while is nobody's.
     */
    private static void removeLeftovers(Path parent) throws IOException {
        Instant cutoff = Instant.now().minus(STALE);
        try (var homes = Files.newDirectoryStream(parent, "parceltrack-test-pg-*")) {
            for (Path home : homes) {
                if (!Files.exists(home.resolve("data/postmaster.pid"))
                        && Files.getLastModifiedTime(home).toInstant().isBefore(cutoff)) {
                    deleteQuietly(home);
                }
            }
        }
    }

    private static void deleteQuietly(Path home) {
        try {
            PostgresBinaries.deleteTree(home);
        } catch (IOException e) {
            System.err.println("could not delete the test PostgreSQL data in " + home + ": " + e.getMessage());
        }
    }
}
