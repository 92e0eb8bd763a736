package io.parceltrack.bench.fleet;

import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's own limit for our unit of work: pgbench running the transaction a checkpoint
 * makes (lock the parcel row, insert the checkpoint, update the parcel, insert the outbox row) on a
 * database of its own with our schema and as many parcels as the API is loaded with, each
 * transaction on a random one. Prepared statements, as our JDBC driver uses them once warm.
 */
final class Pgbench implements AutoCloseable {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    /** About the size of a real event's protobuf bytes. */
    private static final String PAYLOAD = "\\x0a24" + "61".repeat(150);
    private static final String SCRIPT = """
            \\set n random(1, %d)
            BEGIN;
            SELECT id AS parcel_id, status FROM parcels WHERE track_number = 'PB' || lpad(:n::text, 9, '0') FOR NO KEY UPDATE \\gset
            INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
              VALUES (:parcel_id, now(), 'Sorting centre, Kazan', 'arrived', 'IN_TRANSIT');
            UPDATE parcels SET status = 'IN_TRANSIT', last_checkpoint_at = now() WHERE id = :parcel_id;
            INSERT INTO outbox (event_id, track_number, payload) VALUES (gen_random_uuid(), 'PB' || lpad(:n::text, 9, '0'), '%s'::bytea);
            END;
            """;

    private final TemporaryDatabase database;
    private final Path directory;
    private final Path script;
    private long clientCpuNanos;

    private Pgbench(TemporaryDatabase database, Path directory, Path script) {
        this.database = database;
        this.directory = directory;
        this.script = script;
    }

    /** A fresh database with the parcels schema and {@code parcels} parcels, and the script. */
    static Pgbench prepare(int parcels, Path directory) {
        TemporaryDatabase database = TemporaryDatabase.create();
        try (PostgresDatabase opened = PostgresDatabase.open(database.settings())) {
            opened.migrate(DatabaseRole.PARCELS, false);
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO parcels (track_number, name, recipient, arrival_address, forecast_date, description,
                                         owner_telegram_id, status, created_at)
                    SELECT 'PB' || lpad(n::text, 9, '0'), 'Phone case', 'Anna Smirnova', 'Kazan, Bauman st. 1',
                           now() + interval '7 days', 'blue', 1, 'PENDING', now()
                    FROM generate_series(1, %d) n
                    """.formatted(parcels));
            statement.execute("VACUUM ANALYZE parcels");
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("could not prepare the pgbench database", e);
        }
        try {
            Files.createDirectories(directory);
            Path script = directory.resolve("checkpoint.sql");
            Files.writeString(script, SCRIPT.formatted(parcels, PAYLOAD));
            return new Pgbench(database, directory, script);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CPU time of the pgbench client processes of all runs so far (their backends are measured
     * apart): a running total, so that the difference of two readings is what the runs in between used.
     */
    long clientCpuNanos() {
        return clientCpuNanos;
    }

    String databaseName() {
        return database.name();
    }

    /** Closed loop: {@code clients} connections, each running the transaction back to back. */
    LoadResult closedLoop(int clients, Duration duration) {
        return run(clients, duration, List.of(), Duration.ZERO);
    }

    /**
     * Open loop at {@code ratePerSecond}; latencies count from each transaction's scheduled start.
     * Those due in the first {@code unmeasured} are counted but their latencies left out: every run
     * starts new backends, whose first transactions load the catalog and prepare the statements
     * (in 2026-12-05's runs that start alone was the whole p99: 194-317 ms, against 34-73 ms after it).
     */
    LoadResult openLoop(double ratePerSecond, Duration duration, int clients, Duration unmeasured) {
        return run(clients, duration, List.of("--rate", String.format(java.util.Locale.ROOT, "%.1f", ratePerSecond)),
                unmeasured);
    }

    private LoadResult run(int clients, Duration duration, List<String> extra, Duration unmeasured) {
        try {
            Path logs = Files.createTempDirectory(directory, "run-");
            List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared",
                    "-h", "127.0.0.1", "-p", "5432", "-U", "postgres",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Long.toString(duration.toSeconds()), "-f", script.toString(),
                    "--log", "--log-prefix", logs.resolve("tx").toString()));
            command.addAll(extra);
            command.add(database.name());
            Path output = logs.resolve("pgbench.out");
            Process process = new ProcessBuilder(command).directory(logs.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // pgbench's own CPU: sampled while it runs, as /proc forgets a process once it has ended.
            long deadline = System.nanoTime() + duration.plusSeconds(60).toNanos();
            long clientCpu = 0;
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                clientCpu = Math.max(clientCpu, CpuClock.nanos(process.pid()));
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("pgbench did not end; see " + output);
                }
            }
            clientCpuNanos += clientCpu;
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher tps = TPS.matcher(text);
            if (process.exitValue() != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "):\n" + text);
            }
            List<TransactionLog> done = new ArrayList<>();
            long failures = 0;
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        TransactionLog entry = TransactionLog.parse(line);
                        if (entry.failed()) {
                            failures++;
                        } else {
                            done.add(entry);
                        }
                    }
                }
            }
            long[] nanos = latencyNanos(done, unmeasured);
            double tpsValue = Double.parseDouble(tps.group(1));
            double seconds = done.size() / tpsValue;
            return new LoadResult(done.size(), failures, seconds, LoadResult.distribution(nanos, nanos.length), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pgbench ran", e);
        }
    }

    /** The latencies of the transactions due {@code unmeasured} or more after the first one was. */
    static long[] latencyNanos(List<TransactionLog> done, Duration unmeasured) {
        long firstMeasured = done.stream().mapToLong(TransactionLog::dueEpochMicros).min().orElse(0)
                + TimeUnit.NANOSECONDS.toMicros(unmeasured.toNanos());
        return done.stream().filter(entry -> entry.dueEpochMicros() >= firstMeasured)
                .mapToLong(entry -> entry.latencyMicros() * 1000).toArray();
    }

    @Override
    public void close() {
        database.close();
    }
}
