package io.parceltrack.bench.fleet;

import static io.parceltrack.bench.fleet.FleetBenchmark.loadAverage;
import static io.parceltrack.bench.fleet.FleetBenchmark.printRow;

import io.parceltrack.bench.fleet.OverloadTally.Outcome;
import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 18's overload run: REST at twice the sustainable rate for a minute must be answered 429/503
 * with {@code Retry-After} rather than time out, with the memory of parcels-manager-service bounded,
 * and the system must recover by itself when the load stops. The production processes of the jar
 * on PostgreSQL and a real Kafka broker ({@link Fleet}, as the fleet harness starts them: six apps,
 * the REST rate limit lifted so that the server's own capacity is what is measured). Run it under
 * the machine's heavy lock, from the repository root, after
 * {@code ./mvnw -q -B -pl apps,bench -am package -DskipTests}:
 *
 * <pre>
 * flock /tmp/heavy.lock java -cp bench/target/benchmarks.jar io.parceltrack.bench.fleet.OverloadRun \
 *     [--factor 2] [--overload-seconds 60] [--timeout-seconds 10] [--connections 256] [--clients 16] \
 *     [--rounds 3] [--round-seconds 10] [--warmup-seconds 30] [--recovery-seconds 30] [--parcels 1000] \
 *     [--app-jvm-options "-Xms256m -Xmx512m"] [--output bench/target/overload] [--jar apps/target/parceltrack.jar]
 * </pre>
 *
 * In this order: a warm-up; the latency of one client alone (the "normal" latency); the sustainable
 * checkpoint rate, the median of closed loops at {@code --clients}; then the open loop at
 * {@code --factor} times that rate, recording every second the answers by status, timeouts, latency
 * percentiles, refusals without Retry-After, and the RSS, heap and outbox depth of
 * parcels-manager-service; then, with the load stopped, one client every 250 ms until a checkpoint is
 * accepted at the normal latency, while the outbox drains. It prints the table and a verdict per
 * criterion, and writes the table to the output directory.
 */
public final class OverloadRun {
    private static final String PREFIX = "OV";
    private static final String MANAGER = "parcels-manager-service";
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    private final Options options;
    private final PrintStream out;

    private OverloadRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new OverloadRun(Options.parse(args), System.out).run();
    }

    /** One sample of parcels-manager-service, {@code seconds} after the overload began. */
    record Tick(double seconds, ProcessMemory.Sample memory, int outboxRows) {}

    /** One request of the recovery phase, {@code seconds} after the load stopped. */
    record Probe(double seconds, int status, double millis) {}

    private void run() throws Exception {
        out.println("overload run " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, load average " + loadAverage() + ", output " + options.output());
        Files.createDirectories(options.output());
        try (Fleet fleet = Fleet.start(options.jar(), options.appJvmOptions(), List.of(), Map.of(),
                options.output().resolve("logs"), Math.max(10, options.clients()))) {
            out.println("fleet ready, load average " + loadAverage());
            String token = fleet.issueManagerToken();
            fleet.addParcels(PREFIX, options.parcels());
            InetSocketAddress api = fleet.restApi();
            CheckpointRequests requests = new CheckpointRequests(api, token, PREFIX, options.parcels());
            HttpLoad closed = new HttpLoad(api, 201, requests);

            closed.closedLoop(options.clients(), options.warmup());
            LoadResult alone = closed.closedLoop(1, Duration.ofSeconds(5));
            double normalMillis = normalLatency(alone.latencyMillis().percentile(99));
            out.printf("one client alone: %s checkpoints/s, p50 %s ms, p99 %s ms; \"normal\" latency: at most %s ms%n",
                    Figures.format(alone.perSecond()), Figures.format(alone.latencyMillis().median()),
                    Figures.format(alone.latencyMillis().percentile(99)), Figures.format(normalMillis));
            double[] rates = new double[options.rounds()];
            for (int round = 0; round < options.rounds(); round++) {
                LoadResult result = closed.closedLoop(options.clients(), options.round());
                rates[round] = result.perSecond();
                out.printf("sustainable, round %d: %d clients, %s checkpoints/s, p99 %s ms, %d failures%n", round + 1,
                        options.clients(), Figures.format(result.perSecond()),
                        Figures.format(result.latencyMillis().percentile(99)), result.failures());
            }
            double sustainable = Distribution.of(rates).median();
            double rate = sustainable * options.factor();
            awaitOutboxEmpty(fleet, Duration.ofMinutes(1));

            AppProcess manager = fleet.app(MANAGER);
            ProcessMemory memory = new ProcessMemory(manager.pid(), URI.create("http://127.0.0.1:" + api.getPort() + "/metrics"));
            ProcessMemory.Sample before = memory.sample();
            out.printf("overload: %s checkpoints/s (%s x the sustainable %s) for %d s over %d connections, client timeout %d s;"
                            + " before: RSS %s MiB, heap %s MiB, load average %s%n",
                    Figures.format(rate), Figures.format(options.factor()), Figures.format(sustainable),
                    options.overload().toSeconds(), options.connections(), options.timeout().toSeconds(),
                    Figures.format(before.rssMiB()), Figures.format(before.heapMiB()), loadAverage());

            List<Tick> ticks = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime() + 100_000_000L;
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> ticks.add(new Tick((System.nanoTime() - start) / 1e9, memory.sample(),
                    fleet.outboxRows())), 100_000_000L, 1_000_000_000L, TimeUnit.NANOSECONDS);
            OverloadTally tally;
            List<Probe> probes;
            String loadAtEnd;
            try {
                tally = new OpenLoopOverload(api, requests, options.connections(), options.timeout())
                        .run(rate, options.overload(), start);
                loadAtEnd = loadAverage();
                long stopped = start + options.overload().toNanos();
                probes = probe(api, requests, stopped);
                awaitOutboxEmpty(fleet, Duration.ofSeconds(30));
            } finally {
                sampler.shutdown();
                sampler.awaitTermination(10, TimeUnit.SECONDS);
            }
            String table = report(tally, List.copyOf(ticks), probes, before, normalMillis, alone, sustainable, rate, loadAtEnd);
            Files.writeString(options.output().resolve("overload-table.md"), table);
        }
        out.println("done, load average " + loadAverage());
    }

    /** What counts as a normal answer again after the overload: within twice one client's p99, and at least 10 ms of slack. */
    static double normalLatency(double aloneP99Millis) {
        return Math.max(2 * aloneP99Millis, aloneP99Millis + 10);
    }

    /** One client, one checkpoint every 250 ms, for the recovery window after {@code stoppedNanos}. */
    private List<Probe> probe(InetSocketAddress api, CheckpointRequests requests, long stoppedNanos) throws InterruptedException {
        List<Probe> probes = new ArrayList<>();
        long end = stoppedNanos + options.recovery().toNanos();
        long sequence = Long.MAX_VALUE / 2;
        try (HttpConnection connection = new HttpConnection(api, (int) options.timeout().toMillis())) {
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                int status;
                try {
                    status = connection.exchangeOrTimeOut(requests.apply(sequence++));
                } catch (IOException noAnswer) {
                    connection.close();
                    status = -1;
                }
                long answered = System.nanoTime();
                probes.add(new Probe((sent - stoppedNanos) / 1e9, status, (answered - sent) / 1e6));
                long wait = sent + PROBE_EVERY.toNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
        return probes;
    }

    private static void awaitOutboxEmpty(Fleet fleet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (fleet.outboxRows() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private String report(OverloadTally tally, List<Tick> ticks, List<Probe> probes, ProcessMemory.Sample before,
            double normalMillis, LoadResult alone, double sustainable, double rate, String loadAtEnd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream table = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        printRow(table, "s", "due", "201", "429", "503", "other", "timed out", "failed", "p50 ms", "p99 ms", "p99 201 ms",
                "no Retry-After", "RSS MiB", "heap MiB", "outbox");
        printRow(table, "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---");
        for (int s = 0; s < tally.length(); s++) {
            OverloadTally.Second second = tally.second(s);
            Tick tick = tickAt(ticks, s + 1).orElse(null);
            printRow(table, s + 1, second.requests(), second.count(Outcome.CREATED), second.count(Outcome.TOO_MANY),
                    second.count(Outcome.UNAVAILABLE), second.count(Outcome.OTHER), second.count(Outcome.TIMED_OUT),
                    second.count(Outcome.FAILED), millis(second.answeredMillis(50)), millis(second.answeredMillis(99)),
                    millis(second.createdMillis(99)), second.refusalsWithoutRetryAfter(),
                    tick == null ? "-" : millis(tick.memory().rssMiB()), tick == null ? "-" : millis(tick.memory().heapMiB()),
                    tick == null ? "-" : tick.outboxRows());
        }
        OverloadTally.Second total = tally.total();
        table.printf("%ntotal: %d due, %d accepted (%s/s), %d x 429, %d x 503, %d other, %d timed out, %d failed;"
                        + " answered p50 %s ms, p99 %s ms; accepted p99 %s ms; refusals without Retry-After: %d%n",
                total.requests(), total.count(Outcome.CREATED), Figures.format(total.count(Outcome.CREATED) / (double) tally.length()),
                total.count(Outcome.TOO_MANY), total.count(Outcome.UNAVAILABLE), total.count(Outcome.OTHER),
                total.count(Outcome.TIMED_OUT), total.count(Outcome.FAILED), millis(total.answeredMillis(50)),
                millis(total.answeredMillis(99)), millis(total.createdMillis(99)), total.refusalsWithoutRetryAfter());
        double overloadEnd = tally.length();
        MemoryVerdict memory = MemoryVerdict.of(ticks.stream().filter(tick -> tick.seconds() <= overloadEnd).toList());
        Tick last = ticks.isEmpty() ? null : ticks.get(ticks.size() - 1);
        table.printf("memory of %s: before RSS %s MiB / heap %s MiB; during: peak RSS %s MiB (first half %s, second half %s),"
                        + " peak heap %s MiB; %.0f s after the load: RSS %s MiB, heap %s MiB%n",
                MANAGER, millis(before.rssMiB()), millis(before.heapMiB()), millis(memory.peakRss()),
                millis(memory.firstHalfRss()), millis(memory.secondHalfRss()), millis(memory.peakHeap()),
                last == null ? 0 : last.seconds() - overloadEnd, last == null ? "-" : millis(last.memory().rssMiB()),
                last == null ? "-" : millis(last.memory().heapMiB()));
        Recovery recovery = Recovery.of(probes, normalMillis);
        double drained = ticks.stream().filter(tick -> tick.seconds() > overloadEnd && tick.outboxRows() == 0)
                .mapToDouble(tick -> tick.seconds() - overloadEnd).findFirst().orElse(Double.NaN);
        table.printf("recovery: first 201 %s s after the load stopped, first at normal latency (<= %s ms) %s s;"
                        + " probes %d, accepted %d, p50 of the last 10 s %s ms (one client alone before: %s ms);"
                        + " outbox empty %s s after%n",
                seconds(recovery.firstAccepted()), millis(normalMillis), seconds(recovery.firstNormal()), probes.size(),
                recovery.accepted(), millis(recovery.lastTenSecondsMedian()), millis(alone.latencyMillis().median()),
                seconds(drained));
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        verdicts.put("no request timed out", total.count(Outcome.TIMED_OUT) == 0 && total.count(Outcome.FAILED) == 0);
        verdicts.put("every 429/503 carried Retry-After", total.refusalsWithoutRetryAfter() == 0);
        verdicts.put("the excess was refused, not queued (429/503 answered)",
                total.count(Outcome.TOO_MANY) + total.count(Outcome.UNAVAILABLE) > 0);
        verdicts.put("memory bounded (second half's peak RSS within 10% + 32 MiB of the first half's)", memory.bounded());
        verdicts.put("recovered by itself (a checkpoint at normal latency within the recovery window)",
                !Double.isNaN(recovery.firstNormal()));
        verdicts.put("outbox drained", !Double.isNaN(drained));
        verdicts.forEach((criterion, met) -> table.println((met ? "MET     " : "NOT MET ") + criterion));
        table.printf("sustainable %s checkpoints/s, offered %s/s; load average at the end of the overload %s, now %s%n",
                Figures.format(sustainable), Figures.format(rate), loadAtEnd, loadAverage());
        String text = bytes.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }

    private static java.util.Optional<Tick> tickAt(List<Tick> ticks, double seconds) {
        return ticks.stream().filter(tick -> tick.seconds() <= seconds)
                .reduce((earlier, later) -> later);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : Figures.format(value);
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "(not within the window)" : Figures.format(value);
    }

    /** The RSS and heap of the overload's samples, and whether the RSS stopped growing. */
    record MemoryVerdict(double firstHalfRss, double secondHalfRss, double peakHeap) {
        static MemoryVerdict of(List<Tick> ticks) {
            double half = ticks.isEmpty() ? 0 : ticks.get(ticks.size() - 1).seconds() / 2;
            return new MemoryVerdict(
                    max(ticks.stream().filter(tick -> tick.seconds() <= half).mapToDouble(tick -> tick.memory().rssMiB()).toArray()),
                    max(ticks.stream().filter(tick -> tick.seconds() > half).mapToDouble(tick -> tick.memory().rssMiB()).toArray()),
                    max(ticks.stream().mapToDouble(tick -> tick.memory().heapMiB()).toArray()));
        }

        double peakRss() {
            return Math.max(firstHalfRss, secondHalfRss);
        }

        boolean bounded() {
            return !Double.isNaN(firstHalfRss) && !Double.isNaN(secondHalfRss) && secondHalfRss <= firstHalfRss * 1.10 + 32;
        }

        private static double max(double[] values) {
            return Arrays.stream(values).filter(value -> !Double.isNaN(value)).max().orElse(Double.NaN);
        }
    }

    /** When the probes after the load found the API accepting again, and at normal latency. */
    record Recovery(double firstAccepted, double firstNormal, long accepted, double lastTenSecondsMedian) {
        static Recovery of(List<Probe> probes, double normalMillis) {
            double last = probes.isEmpty() ? 0 : probes.get(probes.size() - 1).seconds();
            double[] lastTen = probes.stream().filter(probe -> probe.status() == 201 && probe.seconds() > last - 10)
                    .mapToDouble(Probe::millis).toArray();
            return new Recovery(
                    probes.stream().filter(probe -> probe.status() == 201).mapToDouble(Probe::seconds).findFirst().orElse(Double.NaN),
                    probes.stream().filter(probe -> probe.status() == 201 && probe.millis() <= normalMillis)
                            .mapToDouble(Probe::seconds).findFirst().orElse(Double.NaN),
                    probes.stream().filter(probe -> probe.status() == 201).count(),
                    lastTen.length == 0 ? Double.NaN : Distribution.of(lastTen).median());
        }
    }

    /** The command line, with defaults that give one run of about five minutes. */
    record Options(Path jar, double factor, Duration overload, Duration timeout, int connections, int clients, int rounds,
            Duration round, Duration warmup, Duration recovery, int parcels, List<String> appJvmOptions, Path output) {
        private static final List<String> KNOWN = List.of("jar", "factor", "overload-seconds", "timeout-seconds", "connections",
                "clients", "rounds", "round-seconds", "warmup-seconds", "recovery-seconds", "parcels", "app-jvm-options", "output");

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 == args.length || !KNOWN.contains(args[i].substring(2))) {
                    throw new IllegalArgumentException("expected --option value pairs of " + KNOWN + ", got " + Arrays.toString(args));
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(
                    Path.of(given.getOrDefault("jar", "apps/target/parceltrack.jar")).toAbsolutePath(),
                    Double.parseDouble(given.getOrDefault("factor", "2")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("overload-seconds", "60"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("timeout-seconds", "10"))),
                    Integer.parseInt(given.getOrDefault("connections", "256")),
                    Integer.parseInt(given.getOrDefault("clients", "16")),
                    Integer.parseInt(given.getOrDefault("rounds", "3")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("round-seconds", "10"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "30"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("recovery-seconds", "30"))),
                    Integer.parseInt(given.getOrDefault("parcels", "1000")),
                    Arrays.stream(given.getOrDefault("app-jvm-options", "-Xms256m -Xmx512m").split(" "))
                            .filter(option -> !option.isBlank()).toList(),
                    Path.of(given.getOrDefault("output", "bench/target/overload")).toAbsolutePath());
        }
    }
}
