package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side harness of the production path (issue 11): the six apps from the jar on
 * PostgreSQL and Kafka, measured next to anchors in the same run. Run it under the machine's heavy
 * lock, from the repository root, after {@code ./mvnw -q -B -pl apps,bench -am package -DskipTests}:
 *
 * <pre>
 * flock /tmp/heavy.lock java -cp bench/target/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark \
 *     [--clients 1,8,16] [--rounds 3] [--round-seconds 10] [--warmup-seconds 300] [--parcels 1000] \
 *     [--subscribers 10000] [--fan-out-warmup 5] [--fan-out-rounds 5] [--latency-samples 60] [--profile false] \
 *     [--app-jvm-options "-Xms256m -Xmx512m"] [--broker-jvm-options "(the test broker's)"] \
 *     [--output bench/target/fleet] [--jar apps/target/parceltrack.jar] [--phases throughput,chat,fan-out]
 * </pre>
 *
 * What it measures, in this order: the load generator against {@code /health/live} (it must be far
 * faster than the API, or the API figures would be the generator's); checkpoint throughput and CPU
 * per checkpoint at each client count, pgbench with the same transaction taking turns with the API
 * round by round; p99 at half the API's 16-client throughput, open loop, both sides at the same
 * rate; checkpoint → message in the subscriber's emulated chat; checkpoint → 10,000 deliveries
 * visible on {@code notification-deliveries} against a transactional producer writing as many. It
 * prints medians over rounds and ratios to the anchors, with load averages, and removes its
 * databases, broker and processes at the end. {@code --profile true} also records JFR (settings
 * "profile") in the apps during the last 16-client round, into the output directory.
 */
public final class FleetBenchmark {
    static final String LOAD_PREFIX = "PA";
    static final String FAN_OUT_PREFIX = "FO";
    static final String FAN_OUT_PARCEL = FAN_OUT_PREFIX + "000000001";
    static final String LATENCY_PREFIX = "LT";
    static final int LATENCY_CHATS = 20;
    static final long FIRST_LATENCY_USER = 9_000_001L;
    static final long FIRST_FAN_OUT_USER = 20_000_001L;

    private final FleetOptions options;
    private final PrintStream out;

    private FleetBenchmark(FleetOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new FleetBenchmark(FleetOptions.parse(args), System.out).run();
    }

    private void run() throws Exception {
        out.println("fleet harness " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, load average " + loadAverage() + ", output " + options.output());
        out.println("apps' JVM options " + options.appJvmOptions() + ", broker's " + options.brokerJvmOptions()
                + (options.appSettings().isEmpty() ? "" : ", apps' settings " + options.appSettings()));
        Files.createDirectories(options.output());
        try (Fleet fleet = Fleet.start(options.jar(), options.appJvmOptions(), options.brokerJvmOptions(),
                        options.appSettings(), options.output().resolve("logs"),
                        Math.max(10, options.clients().stream().mapToInt(Integer::intValue).max().orElse(16)));
                Pgbench pgbench = Pgbench.prepare(options.parcels(), options.output().resolve("pgbench"))) {
            out.println("fleet ready, load average " + loadAverage());
            String token = fleet.issueManagerToken();
            fleet.addParcels(LOAD_PREFIX, options.parcels());
            fleet.addParcels(LATENCY_PREFIX, LATENCY_CHATS);
            for (int i = 0; i < LATENCY_CHATS; i++) {
                fleet.subscribe(CheckpointRequests.trackNumber(LATENCY_PREFIX, i + 1), FIRST_LATENCY_USER + i, 1);
                // The bot can only write to people who have talked to it.
                fleet.userBot().introduce(FIRST_LATENCY_USER + i, "Subscriber " + i, "en");
            }
            fleet.addParcels(FAN_OUT_PREFIX, 1);
            fleet.subscribe(FAN_OUT_PARCEL, FIRST_FAN_OUT_USER, options.subscribers());

            try (Throughput throughput = new Throughput(fleet, pgbench, token, options, out)) {
                throughput.generatorCheck();
                // Whatever is measured: the request path of a cold JVM costs several times its warm CPU.
                throughput.warmUp();
                if (options.phases().contains("throughput")) {
                    double sixteen = throughput.closedLoops();
                    throughput.openLoops(sixteen / 2);
                }
            }
            if (options.phases().contains("chat")) {
                new ChatLatency(fleet, token, options, out).measure();
            }
            if (options.phases().contains("fan-out")) {
                new FanOut(fleet, token, options, out).measure();
            }
        }
        out.println("done, load average " + loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "(unknown)";
        }
    }

    static String ms(Distribution distribution, double percentile) {
        return Figures.format(distribution.percentile(percentile));
    }

    static List<String> row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        return row;
    }

    static void printRow(PrintStream out, Object... cells) {
        out.println("| " + String.join(" | ", row(cells)) + " |");
    }
}
