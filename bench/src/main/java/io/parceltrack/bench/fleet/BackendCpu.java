package io.parceltrack.bench.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of the PostgreSQL backends serving some databases, and only those: the server is shared
 * with other work on this machine. Backends come and go (pgbench opens its own per run), so a
 * sampler looks up their pids every 100 ms and keeps the last CPU reading of each; what a backend
 * used in its last 100 ms before it ended is lost, which is negligible over a round of seconds. A
 * backend is known by its pid and start time: pids are handed out again (this machine's
 * {@code pid_max} is 32,768, and every JVM thread takes one), and a new backend on an old pid must not
 * be mistaken for the old one, whose reading would hide the new one's until it caught up.
 * Each backend is also labelled with its client's {@code application_name} (or its backend type,
 * e.g. an autovacuum worker), so a round's database CPU can be split by who asked for it.
 */
final class BackendCpu implements AutoCloseable {
    /** The machine's PostgreSQL server as its superuser: where pg_stat_activity lists every database's backends. */
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final Set<String> databases;
    /** One backend process: a pid, and when the process holding it started. */
    private record Backend(long pid, long startTicks) {}

    private final Map<Backend, Long> lastSeen = new HashMap<>();
    private final Map<Backend, String> labels = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "backend-cpu");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;

    BackendCpu(String adminUrl, Set<String> databases) {
        this.adminUrl = adminUrl;
        this.databases = Set.copyOf(databases);
    }

    BackendCpu start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    /** CPU nanoseconds all backends of the databases used so far, as far as the sampler saw. */
    synchronized long nanos() {
        sampleNow();
        return lastSeen.values().stream().mapToLong(Long::longValue).sum();
    }

    /** As {@link #nanos()}, by the label of the backend's client. */
    synchronized Map<String, Long> nanosByClient() {
        sampleNow();
        Map<String, Long> byClient = new TreeMap<>();
        lastSeen.forEach((backend, cpu) -> byClient.merge(labels.getOrDefault(backend, "unknown"), cpu, Long::sum));
        return byClient;
    }

    /** The pids of the databases' backends now (the apps' pooled connections live long). */
    synchronized Set<Long> pids() {
        return Set.copyOf(backends().keySet());
    }

    private synchronized void sample() {
        sampleNow();
    }

    private void sampleNow() {
        backends().forEach((pid, label) -> CpuClock.sample(pid).ifPresent(sample -> {
            Backend backend = new Backend(pid, sample.startTicks());
            lastSeen.merge(backend, sample.nanos(), Math::max);
            labels.putIfAbsent(backend, label);
        }));
    }

    /** The pids of the backends of our databases now, with their clients' labels. */
    private Map<Long, String> backends() {
        Map<Long, String> backends = new HashMap<>();
        String query = "SELECT pid, datname, coalesce(nullif(application_name, ''), backend_type) FROM pg_stat_activity"
                + " WHERE datname IS NOT NULL";
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(adminUrl, "postgres", "");
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    if (databases.contains(rows.getString(2))) {
                        backends.put(rows.getLong(1), rows.getString(3));
                    }
                }
            }
        } catch (SQLException e) {
            connection = null;
        }
        return backends;
    }

    @Override
    public synchronized void close() {
        sampler.shutdownNow();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a monitoring connection at the end of a run
        }
    }
}
