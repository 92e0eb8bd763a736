package io.parceltrack.bench.fleet;

import static io.parceltrack.bench.fleet.FleetBenchmark.ms;
import static io.parceltrack.bench.fleet.FleetBenchmark.printRow;

import io.parceltrack.bench.report.Figures;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/v1/checkpoints} against pgbench running the same transaction: closed loops at
 * the client counts in turn, then open loops at one rate, the two sides taking turns round by round.
 */
final class Throughput implements AutoCloseable {
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration PGBENCH_WARM_UP = Duration.ofSeconds(60);
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(60);
    /** Both sides open new connections for each open-loop round; their first second is not measured. */
    private static final Duration OPEN_LOOP_UNMEASURED = Duration.ofSeconds(1);
    private static final List<String> PROFILED = List.of("parcels-manager-service", "account-service", "notification-service");

    private final Fleet fleet;
    private final Pgbench pgbench;
    private final FleetOptions options;
    private final PrintStream out;
    private final HttpLoad checkpoints;
    private final CpuMeter apiCpu = new CpuMeter();
    private final CpuMeter anchorCpu = new CpuMeter();
    private final BackendCpu fleetBackends;
    private final BackendCpu pgbenchBackends;
    private long warmUpStarted = System.nanoTime();

    Throughput(Fleet fleet, Pgbench pgbench, String token, FleetOptions options, PrintStream out) {
        this.fleet = fleet;
        this.pgbench = pgbench;
        this.options = options;
        this.out = out;
        InetSocketAddress api = fleet.restApi();
        this.checkpoints = new HttpLoad(api, 201, new CheckpointRequests(api, token, FleetBenchmark.LOAD_PREFIX, options.parcels()));
        this.fleetBackends = new BackendCpu(BackendCpu.SERVER, fleet.databaseNames()).start();
        this.pgbenchBackends = new BackendCpu(BackendCpu.SERVER, java.util.Set.of(pgbench.databaseName())).start();
        fleet.apps().forEach((name, app) -> apiCpu.add(name, () -> CpuClock.nanos(app.pid())));
        long broker = fleet.brokerPid();
        apiCpu.add("kafka broker", () -> CpuClock.nanos(broker));
        apiCpu.add("postgresql (our databases)", fleetBackends::nanos);
        anchorCpu.add("pgbench client", pgbench::clientCpuNanos);
        anchorCpu.add("postgresql (pgbench database)", pgbenchBackends::nanos);
    }

    /** The generator on the cheapest request there is: it must outrun the API by far. */
    void generatorCheck() throws InterruptedException {
        InetSocketAddress api = fleet.restApi();
        byte[] live = HttpConnection.request("GET", api, "/health/live", null, null);
        LoadResult probe = new HttpLoad(api, 200, n -> live).closedLoop(16, options.round());
        out.printf("load generator: GET /health/live at 16 clients: %s req/s (p50 %s ms), %d failures%n",
                Figures.format(probe.perSecond()), ms(probe.latencyMillis(), 50), probe.failures());
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - warmUpStarted);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    void warmUp() throws InterruptedException {
        out.println("warming up " + options.warmup().toSeconds() + " s, load average " + FleetBenchmark.loadAverage());
        warmUpStarted = System.nanoTime();
        // In slices, each printed: the rate climbs for minutes while the apps' compilers catch up.
        Duration left = options.warmup();
        while (!left.isZero()) {
            Duration slice = shorter(left, WARM_UP_SLICE);
            LoadResult warm = checkpoints.closedLoop(16, slice);
            left = left.minus(slice);
            out.printf("  warm-up, %d s in: %s checkpoints/s, %d failures %s%n", elapsedSeconds(),
                    Figures.format(warm.perSecond()), warm.failures(), warm.failureSamples());
        }
        // pgbench has no compiler to wait for, only the server's caches to fill.
        pgbench.closedLoop(16, shorter(options.warmup().dividedBy(2), PGBENCH_WARM_UP));
    }

    /** What the rounds at one client count measured. */
    private static final class Series {
        final Ratios ratios = new Ratios();
        final Map<String, List<Double>> apiCpuPerCheckpoint = new LinkedHashMap<>();
        final Map<String, List<Double>> anchorCpuPerTx = new LinkedHashMap<>();
        final Map<String, List<Double>> databaseCpuPerCheckpoint = new TreeMap<>();
        final List<Double> apiP50 = new ArrayList<>();
        final List<Double> apiP99 = new ArrayList<>();
        final List<Double> anchorP99 = new ArrayList<>();
        long failures;
        String load = "";
    }

    /**
     * Returns the API's median throughput at the largest client count. The rounds go through the
     * client counts in turn (8, 16, 8, 16, ...) rather than one count's rounds after the other's:
     * the apps' compilers are still busy minutes into a run (docs/BENCHMARKS.md, eighth pass), and
     * the count measured first paid for more of it.
     */
    double closedLoops() throws Exception {
        out.println();
        out.println("## Closed loop: checkpoints per second (API) and transactions per second (pgbench)");
        int largest = options.clients().stream().mapToInt(Integer::intValue).max().orElse(16);
        Map<Integer, Series> byClients = new LinkedHashMap<>();
        options.clients().forEach(clients -> byClients.put(clients, new Series()));
        for (int round = 0; round < options.rounds(); round++) {
            for (int clients : options.clients()) {
                boolean profile = options.profile() && clients == largest && round == options.rounds() - 1;
                measureRound(clients, round, profile, byClients.get(clients));
            }
        }
        printRow(out, "clients", "pgbench tps", "API req/s", "API ÷ pgbench", "pgbench p99 ms", "API p50 ms",
                "API p99 ms", "API failures", "load average");
        printRow(out, "---", "---", "---", "---", "---", "---", "---", "---", "---");
        for (Map.Entry<Integer, Series> entry : byClients.entrySet()) {
            int clients = entry.getKey();
            Series series = entry.getValue();
            printRow(out, clients, Ratios.spread(series.ratios.anchor()), Ratios.spread(series.ratios.ours()),
                    Ratios.spread(series.ratios.ratio()), Figures.format(median(series.anchorP99)),
                    Figures.format(median(series.apiP50)), Figures.format(median(series.apiP99)), series.failures,
                    series.load);
            printCpu(clients, series.apiCpuPerCheckpoint, series.anchorCpuPerTx);
            printDatabaseCpu(series.databaseCpuPerCheckpoint);
        }
        return byClients.get(largest).ratios.ours().median();
    }

    /** One round at {@code clients}: pgbench, then the API, each once the fleet caught up. */
    private void measureRound(int clients, int round, boolean profile, Series series) throws Exception {
        // Each side gets the machine to itself: the fleet first finishes what the last round left it.
        fleet.awaitCaughtUp(CATCH_UP);
        Map<String, Long> anchorBefore = anchorCpu.read();
        LoadResult anchor = pgbench.closedLoop(clients, options.round());
        collect(series.anchorCpuPerTx, CpuMeter.perUnit(anchorBefore, anchorCpu.read(), anchor.successes()));
        if (profile) {
            startProfiling();
        }
        fleet.awaitCaughtUp(CATCH_UP);
        Map<String, Long> apiBefore = apiCpu.read();
        Map<String, Long> databaseBefore = fleetBackends.nanosByClient();
        LoadResult api = checkpoints.closedLoop(clients, options.round());
        collect(series.apiCpuPerCheckpoint, CpuMeter.perUnit(apiBefore, apiCpu.read(), api.successes()));
        collect(series.databaseCpuPerCheckpoint,
                perUnitByClient(databaseBefore, fleetBackends.nanosByClient(), api.successes()));
        if (profile) {
            stopProfiling();
        }
        series.ratios.add(api.perSecond(), anchor.perSecond());
        series.apiP50.add(api.latencyMillis().median());
        series.apiP99.add(api.latencyMillis().percentile(99));
        series.anchorP99.add(anchor.latencyMillis().percentile(99));
        series.failures += api.failures();
        series.load = FleetBenchmark.loadAverage();
        if (api.failures() > 0) {
            out.println("  API failures at " + clients + " clients in round " + (round + 1) + ": " + api.failureSamples());
        }
        out.printf("  round %d at %d clients, %d s after the warm-up began: pgbench %s tps, API %s req/s%n", round + 1,
                clients, elapsedSeconds(),
                Figures.format(anchor.perSecond()), Figures.format(api.perSecond()));
    }

    private void printCpu(int clients, Map<String, List<Double>> api, Map<String, List<Double>> anchor) {
        StringBuilder line = new StringBuilder("  CPU ms per checkpoint at " + clients + " clients (median of rounds): ");
        double apiTotal = 0;
        for (Map.Entry<String, List<Double>> part : api.entrySet()) {
            double value = median(part.getValue());
            apiTotal += value;
            line.append(part.getKey()).append(' ').append(Figures.format(value)).append(", ");
        }
        double anchorTotal = 0;
        for (Map.Entry<String, List<Double>> part : anchor.entrySet()) {
            anchorTotal += median(part.getValue());
        }
        line.append("total ").append(Figures.format(apiTotal)).append("; pgbench client + backends ")
                .append(Figures.format(anchorTotal)).append(" per transaction");
        out.println(line);
    }

    /** Backends come and go between readings: one first seen in the round started from zero. */
    private static Map<String, Double> perUnitByClient(Map<String, Long> before, Map<String, Long> after, long units) {
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((client, nanos) -> spent.put(client,
                (nanos - before.getOrDefault(client, 0L)) / 1e6 / Math.max(1, units)));
        return spent;
    }

    private void printDatabaseCpu(Map<String, List<Double>> byClient) {
        StringBuilder line = new StringBuilder("  of which PostgreSQL by client (application_name): ");
        byClient.forEach((client, values) -> {
            double value = median(values);
            if (value >= 0.0005) {
                line.append(client).append(' ').append(Figures.format(value)).append(", ");
            }
        });
        out.println(line.substring(0, line.length() - 2));
    }

    /** Both sides at the same rate, open loop: latencies count from when each request was due. */
    void openLoops(double rate) throws Exception {
        out.println();
        out.printf("## Open loop at %s per second (half the API's %d-client throughput), %d connections%n",
                Figures.format(rate), options.clients().stream().mapToInt(Integer::intValue).max().orElse(16), 32);
        printRow(out, "round", "pgbench p50 ms", "pgbench p99 ms", "API p50 ms", "API p99 ms", "API p99 ÷ pgbench p99",
                "API failures", "load average");
        printRow(out, "---", "---", "---", "---", "---", "---", "---", "---");
        Ratios p99 = new Ratios();
        for (int round = 0; round < options.rounds(); round++) {
            fleet.awaitCaughtUp(CATCH_UP);
            LoadResult anchor = pgbench.openLoop(rate, options.round(), 16, OPEN_LOOP_UNMEASURED);
            fleet.awaitCaughtUp(CATCH_UP);
            LoadResult api = checkpoints.openLoop(rate, options.round(), 32, OPEN_LOOP_UNMEASURED);
            p99.add(api.latencyMillis().percentile(99), anchor.latencyMillis().percentile(99));
            printRow(out, round + 1, ms(anchor.latencyMillis(), 50), ms(anchor.latencyMillis(), 99),
                    ms(api.latencyMillis(), 50), ms(api.latencyMillis(), 99),
                    Figures.format(api.latencyMillis().percentile(99) / anchor.latencyMillis().percentile(99)),
                    api.failures(), FleetBenchmark.loadAverage());
        }
        out.println("open-loop p99: pgbench " + Ratios.spread(p99.anchor()) + " ms, API " + Ratios.spread(p99.ours())
                + " ms, ratio " + Ratios.spread(p99.ratio()));
    }

    private void startProfiling() throws IOException, InterruptedException {
        for (String app : PROFILED) {
            fleet.app(app).jcmd("JFR.start", "name=fleet", "settings=profile");
        }
    }

    private void stopProfiling() throws IOException, InterruptedException {
        for (String app : PROFILED) {
            fleet.app(app).jcmd("JFR.dump", "name=fleet", "filename=" + options.output().resolve(app + ".jfr"));
            fleet.app(app).jcmd("JFR.stop", "name=fleet");
        }
        out.println("  JFR recordings of the last round: " + options.output() + "/<app>.jfr");
    }

    /** Stops the samplers of the database's backends, which would otherwise query it through the later phases. */
    @Override
    public void close() {
        fleetBackends.close();
        pgbenchBackends.close();
    }

    static void collect(Map<String, List<Double>> into, Map<String, Double> values) {
        values.forEach((name, value) -> into.computeIfAbsent(name, key -> new ArrayList<>()).add(value));
    }

    static double median(List<Double> values) {
        return io.parceltrack.bench.report.Distribution.of(values.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }
}
