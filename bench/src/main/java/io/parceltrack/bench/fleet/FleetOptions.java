package io.parceltrack.bench.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fleet harness's command line, with defaults that give one run of about 15 minutes. */
record FleetOptions(Path jar, List<Integer> clients, int rounds, Duration round, Duration warmup, int parcels,
        int subscribers, int fanOutWarmup, int fanOutRounds, int latencySamples, List<String> appJvmOptions, List<String> brokerJvmOptions,
        Map<String, String> appSettings, Path output, boolean profile, List<String> phases) {

    /** The measurements, in the order they run; {@code --phases} picks some (a fan-out change need not wait for the loads). */
    static final List<String> PHASES = List.of("throughput", "chat", "fan-out");

    /**
     * The broker as Kafka's own start scripts run it (1 GB heap, G1 with their pause goals, the
     * optimising compiler): what a deployment runs. The tests' broker runs without the optimising
     * compiler for quick starts, which made Kafka's CPU per message look two to three times dearer.
     */
    static final String PRODUCTION_BROKER = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35";

    private static final List<String> KNOWN = List.of("jar", "clients", "rounds", "round-seconds", "warmup-seconds",
            "parcels", "subscribers", "fan-out-warmup", "fan-out-rounds", "latency-samples", "app-jvm-options", "broker-jvm-options", "app-settings", "output", "profile",
            "phases");

    /** {@code PARCELTRACK_OUTBOX_LINGER=20ms,PARCELTRACK_...=...}: settings given to every app. */
    private static Map<String, String> settings(String given) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String untrimmed : given.split(",")) {
            String pair = untrimmed.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1 || !pair.startsWith("PARCELTRACK_")) {
                throw new IllegalArgumentException("--app-settings takes PARCELTRACK_NAME=value pairs, got " + pair);
            }
            settings.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return settings;
    }

    static FleetOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        List<String> unknown = given.keySet().stream().filter(name -> !KNOWN.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown + "; known: " + KNOWN);
        }
        return new FleetOptions(
                Path.of(given.getOrDefault("jar", "apps/target/parceltrack.jar")).toAbsolutePath(),
                Arrays.stream(given.getOrDefault("clients", "1,8,16").split(",")).map(Integer::valueOf).toList(),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("round-seconds", "10"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "300"))),
                Integer.parseInt(given.getOrDefault("parcels", "1000")),
                Integer.parseInt(given.getOrDefault("subscribers", "10000")),
                Integer.parseInt(given.getOrDefault("fan-out-warmup", "5")),
                Integer.parseInt(given.getOrDefault("fan-out-rounds", "5")),
                Integer.parseInt(given.getOrDefault("latency-samples", "60")),
                Arrays.stream(given.getOrDefault("app-jvm-options", "-Xms256m -Xmx512m").split(" "))
                        .filter(option -> !option.isBlank()).toList(),
                Arrays.stream(given.getOrDefault("broker-jvm-options", PRODUCTION_BROKER).split(" "))
                        .filter(option -> !option.isBlank()).toList(),
                settings(given.getOrDefault("app-settings", "")),
                Path.of(given.getOrDefault("output", "bench/target/fleet")).toAbsolutePath(),
                Boolean.parseBoolean(given.getOrDefault("profile", "false")),
                phases(given.getOrDefault("phases", String.join(",", PHASES))));
    }

    private static List<String> phases(String given) {
        List<String> phases = Arrays.stream(given.split(",")).map(String::strip).filter(phase -> !phase.isEmpty()).toList();
        if (phases.isEmpty() || !PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases takes some of " + PHASES + ", got " + given);
        }
        return phases;
    }
}
