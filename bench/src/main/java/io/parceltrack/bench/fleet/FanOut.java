package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Figures;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checkpoint 201 → the deliveries to all subscribers of the parcel visible (committed) on
 * {@code notification-deliveries}, against a transactional producer writing as many records of the
 * same size; rounds alternate. The user bot is stopped first: its subscribers are not real chats,
 * and 10,000 Telegram messages take minutes at Telegram's pace. The CPU each process spends per
 * round is printed for both sides: on two cores a fan-out is as fast as the CPU it needs allows.
 * So is the part of it the JIT compilers' threads spent, which says how far the rounds are from
 * warm code.
 */
final class FanOut {
    private static final String DELIVERIES_TOPIC = "notification-deliveries";

    private final Fleet fleet;
    private final String token;
    private final FleetOptions options;
    private final PrintStream out;

    FanOut(Fleet fleet, String token, FleetOptions options, PrintStream out) {
        this.fleet = fleet;
        this.token = token;
        this.options = options;
        this.out = out;
    }

    void measure() throws Exception {
        fleet.stop("user-bot");
        long harness = ProcessHandle.current().pid();
        long broker = fleet.brokerPid();
        // Both sides read the same clocks, so that the readings cost them alike. The watchers of
        // both run in the harness, as does the anchor's producer. A round is a tenth of a second:
        // the processes' clock ticks (10 ms) are too coarse, the threads' scheduler times are not.
        // The database's backends are those of the apps' connection pools when the phase starts.
        Set<Long> backends;
        try (BackendCpu databases = new BackendCpu(BackendCpu.SERVER, fleet.databaseNames())) {
            backends = databases.pids();
        }
        CpuMeter cpu = new CpuMeter();
        fleet.apps().forEach((name, app) -> cpu.add(name, () -> CpuClock.preciseNanos(app.pid())));
        cpu.add("kafka broker", () -> CpuClock.preciseNanos(broker));
        cpu.add("postgresql (our databases)", () -> backends.stream().mapToLong(CpuClock::preciseNanos).sum());
        cpu.add("harness (watchers, the anchor's producer)", () -> CpuClock.preciseNanos(harness));
        // The part of it the JIT compilers' threads spent: code the closed loops never ran (pages of
        // thousands of deliveries, large produce requests and fetches) is still being compiled in
        // the first rounds, in every process, on the same two cores.
        CpuMeter compilers = new CpuMeter();
        fleet.apps().forEach((name, app) -> compilers.add(name, () -> CpuClock.preciseNanos(app.pid(), CpuClock::jitCompiler)));
        compilers.add("kafka broker", () -> CpuClock.preciseNanos(broker, CpuClock::jitCompiler));
        compilers.add("harness", () -> CpuClock.preciseNanos(harness, CpuClock::jitCompiler));
        measure(cpu, compilers);
    }

    private void measure(CpuMeter cpu, CpuMeter compilers) throws Exception {
        Map<String, List<Double>> oursSpent = new LinkedHashMap<>();
        Map<String, List<Double>> anchorSpent = new LinkedHashMap<>();
        Map<String, List<Double>> oursCompiling = new LinkedHashMap<>();
        Map<String, List<Double>> anchorCompiling = new LinkedHashMap<>();
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString();
        byte[] checkpoint = HttpConnection.request("POST", fleet.restApi(), "/api/v1/checkpoints", token,
                CheckpointRequests.body(FleetBenchmark.FAN_OUT_PARCEL, time));
        Ratios ratios = new Ratios();
        try (TopicWatch deliveries = new TopicWatch(fleet.bootstrapServers(), DELIVERIES_TOPIC);
                HttpConnection connection = new HttpConnection(fleet.restApi())) {
            // Unmeasured rounds first, as the closed loops have their warm-up: the first fan-outs of
            // 10,000 run code the JIT has not compiled yet (2-5x slower, the anchor's too); they also give the anchor a
            // real delivery's bytes.
            fanOut(connection, checkpoint, deliveries);
            try (ProducerAnchor anchor = new ProducerAnchor(fleet.bootstrapServers(), deliveries.partitions())) {
                anchor.writeAndSee(options.subscribers(), deliveries.lastRecord());
                for (int round = 1; round < options.fanOutWarmup(); round++) {
                    anchor.writeAndSee(options.subscribers(), deliveries.lastRecord());
                    fanOut(connection, checkpoint, deliveries);
                }
                out.println();
                out.printf("## Checkpoint 201 → %,d deliveries visible on %s, against a transactional producer of as many records%n",
                        options.subscribers(), DELIVERIES_TOPIC);
                FleetBenchmark.printRow(out, "round", "producer ms", "ParcelTrack ms", "ratio", "load average");
                FleetBenchmark.printRow(out, "---", "---", "---", "---", "---");
                for (int round = 0; round < options.fanOutRounds(); round++) {
                    Map<String, Long> before = cpu.read();
                    Map<String, Long> compiledBefore = compilers.read();
                    double producer = anchor.writeAndSee(options.subscribers(), deliveries.lastRecord());
                    Throughput.collect(anchorSpent, CpuMeter.perUnit(before, cpu.read(), 1));
                    Throughput.collect(anchorCompiling, CpuMeter.perUnit(compiledBefore, compilers.read(), 1));
                    before = cpu.read();
                    compiledBefore = compilers.read();
                    double ours = fanOut(connection, checkpoint, deliveries);
                    Throughput.collect(oursSpent, CpuMeter.perUnit(before, cpu.read(), 1));
                    Throughput.collect(oursCompiling, CpuMeter.perUnit(compiledBefore, compilers.read(), 1));
                    ratios.add(ours, producer);
                    FleetBenchmark.printRow(out, round + 1, Figures.format(producer), Figures.format(ours),
                            Figures.format(ours / producer), FleetBenchmark.loadAverage());
                    Thread.sleep(1000);
                }
            }
        }
        out.println("fan-out: producer " + Ratios.spread(ratios.anchor()) + " ms, ParcelTrack " + Ratios.spread(ratios.ours())
                + " ms, ratio " + Ratios.spread(ratios.ratio()));
        out.println("  CPU ms per fan-out (median of rounds), ParcelTrack: " + medians(oursSpent)
                + "; producer: " + medians(anchorSpent));
        out.println("  of which the JIT compilers' threads, ParcelTrack: " + medians(oursCompiling)
                + "; producer: " + medians(anchorCompiling));
    }

    /** "name 1.2, other 3.4, total 4.6", leaving out the processes that did next to nothing. */
    private static String medians(Map<String, List<Double>> spent) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, List<Double>> part : spent.entrySet()) {
            double median = Throughput.median(part.getValue());
            total += median;
            if (median >= 0.05) {
                line.append(part.getKey()).append(' ').append(Figures.format(median)).append(", ");
            }
        }
        return line.append("total ").append(Figures.format(total)).toString();
    }

    private double fanOut(HttpConnection connection, byte[] checkpoint, TopicWatch deliveries) throws IOException {
        int status = connection.exchange(checkpoint);
        long answered = System.nanoTime();
        if (status != 201) {
            throw new IllegalStateException("checkpoint answered " + status);
        }
        return (deliveries.awaitRecords(options.subscribers(), Duration.ofMinutes(2)) - answered) / 1e6;
    }
}
