package io.parceltrack.bench.rest;

import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the REST API of the real standalone app (a child process, see {@link StandaloneProcess})
 * from N concurrent clients: create a parcel, read one, post a checkpoint, and {@code /health/live}
 * as the reference. The scenarios take turns round by round, so drifting background load on a
 * shared machine hits all of them alike; each round's throughput is divided by the reference's in
 * the same round, and the report gives medians over the rounds with their extremes. Besides
 * throughput and latency it reports the server's CPU time per request, which the load generator,
 * sharing the machine's cores, cannot inflate the way it inflates latencies.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.parceltrack.bench.rest.RestLoadHarness \
 *     [--jar apps/target/parceltrack.jar] [--workers 1,16] [--rounds 5] [--round-seconds 10] \
 *     [--warmup-seconds 10] [--parcels 1000] [--server-jvm-options "-Xmx1g"] [--log bench/target/rest-load-server.log]
 * </pre>
 */
public final class RestLoadHarness {
    private static final Pattern TRACK_NUMBER = Pattern.compile("\"parcel_track_number\"\\s*:\\s*\"([A-Z]{2}[0-9]{9})\"");

    /** The command line, with defaults. */
    record Options(Path jar, List<Integer> workers, int rounds, Duration round, Duration warmup, int parcels,
            List<String> serverJvmOptions, Path log) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 == args.length) {
                    throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Options options = new Options(
                    Path.of(given.getOrDefault("jar", "apps/target/parceltrack.jar")),
                    Arrays.stream(given.getOrDefault("workers", "1,16").split(",")).map(Integer::valueOf).toList(),
                    Integer.parseInt(given.getOrDefault("rounds", "5")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("round-seconds", "10"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "10"))),
                    Integer.parseInt(given.getOrDefault("parcels", "1000")),
                    Arrays.stream(given.getOrDefault("server-jvm-options", "-Xmx1g").split(" "))
                            .filter(option -> !option.isBlank()).toList(),
                    Path.of(given.getOrDefault("log", "bench/target/rest-load-server.log")));
            given.keySet().removeAll(List.of("jar", "workers", "rounds", "round-seconds", "warmup-seconds", "parcels",
                    "server-jvm-options", "log"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet());
            }
            return options;
        }
    }

    private RestLoadHarness() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        out.println("client JVM " + System.getProperty("java.vm.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors");
        out.println("starting " + options.jar() + " standalone " + options.serverJvmOptions() + ", log: " + options.log());
        try (StandaloneProcess server = StandaloneProcess.start(options.jar(), options.serverJvmOptions(), options.log())) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI base = server.baseUrl();
            List<String> trackNumbers = createParcels(client, base, options.parcels());
            String checkpointTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)).toString();
            List<RestScenario> scenarios = List.of(
                    RestScenario.healthLive(base),
                    RestScenario.createParcel(base),
                    RestScenario.getParcel(base, trackNumbers),
                    RestScenario.addCheckpoint(base, trackNumbers, checkpointTime));
            ClosedLoopLoad load = new ClosedLoopLoad(client, server::cpuNanos);
            for (int workers : options.workers()) {
                for (RestScenario scenario : scenarios) {
                    load.run(scenario, workers, options.warmup());
                }
                List<LoadRound> rounds = new ArrayList<>();
                for (int round = 1; round <= options.rounds(); round++) {
                    for (RestScenario scenario : scenarios) {
                        LoadRound result = load.run(scenario, workers, options.round());
                        out.printf("round %d, %d workers, %-30s %10s req/s  server CPU %s us/req  p50 %s ms  p99 %s ms"
                                        + "  failures %d %s%n",
                                round, workers, result.scenario(), Figures.format(result.requestsPerSecond()),
                                Figures.format(result.serverCpuMicrosPerRequest()),
                                Figures.format(result.latencyMillis().median()),
                                Figures.format(result.latencyMillis().percentile(99)),
                                result.failures(), result.failureSamples().isEmpty() ? "" : result.failureSamples());
                        rounds.add(result);
                    }
                }
                printSummary(scenarios, rounds, workers, options, out);
            }
        }
    }

    private static List<String> createParcels(HttpClient client, URI base, int count) throws IOException, InterruptedException {
        HttpRequest create = HttpRequest.newBuilder(base.resolve("/api/v1/parcels"))
                .timeout(RestScenario.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + StandaloneProcess.API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RestScenario.NEW_PARCEL_JSON))
                .build();
        List<String> trackNumbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
            Matcher trackNumber = TRACK_NUMBER.matcher(response.body());
            if (response.statusCode() != 201 || !trackNumber.find()) {
                throw new IllegalStateException("creating a parcel answered " + response.statusCode() + ": " + response.body());
            }
            trackNumbers.add(trackNumber.group(1));
        }
        return trackNumbers;
    }

    private static void printSummary(List<RestScenario> scenarios, List<LoadRound> rounds, int workers, Options options,
            PrintStream out) {
        out.println();
        out.printf("%d concurrent clients, %d rounds of %d s per scenario (median, min..max over rounds):%n%n",
                workers, options.rounds(), options.round().toSeconds());
        out.println("| scenario | req/s | / reference req/s | server CPU us/req | / reference CPU | p50 ms | p99 ms | failures |");
        out.println("|---|---|---|---|---|---|---|---|");
        List<LoadRound> reference = of(rounds, scenarios.get(0));
        for (RestScenario scenario : scenarios) {
            List<LoadRound> mine = of(rounds, scenario);
            double[] throughputRatios = new double[mine.size()];
            double[] cpuRatios = new double[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                throughputRatios[i] = mine.get(i).requestsPerSecond() / reference.get(i).requestsPerSecond();
                cpuRatios[i] = mine.get(i).serverCpuMicrosPerRequest() / reference.get(i).serverCpuMicrosPerRequest();
            }
            out.println("| " + String.join(" | ",
                    scenario.name(),
                    spread(mine.stream().mapToDouble(LoadRound::requestsPerSecond).toArray()),
                    spread(throughputRatios),
                    spread(mine.stream().mapToDouble(LoadRound::serverCpuMicrosPerRequest).toArray()),
                    spread(cpuRatios),
                    spread(mine.stream().mapToDouble(round -> round.latencyMillis().median()).toArray()),
                    spread(mine.stream().mapToDouble(round -> round.latencyMillis().percentile(99)).toArray()),
                    Long.toString(mine.stream().mapToLong(LoadRound::failures).sum())) + " |");
        }
        out.println();
    }

    private static List<LoadRound> of(List<LoadRound> rounds, RestScenario scenario) {
        return rounds.stream().filter(round -> round.scenario().equals(scenario.name())).toList();
    }

    private static String spread(double[] values) {
        Distribution distribution = Distribution.of(values);
        return Figures.spread(distribution.median(), distribution.min(), distribution.max());
    }
}
