package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Figures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) went: by library of the top
 * frame ("self"), and the methods found most often anywhere on the sampled stacks ("total", each
 * counted once per stack). Enough to tell which part of a request costs what, without a GUI:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.parceltrack.bench.fleet.JfrHotspots bench/target/fleet/parcels-manager-service.jfr [top]
 * </pre>
 */
public final class JfrHotspots {
    /** Libraries by package prefix, first match wins; the rest is grouped by its first two package names. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("io.parceltrack.", "ParcelTrack"),
            Map.entry("org.eclipse.jetty.", "Jetty"),
            Map.entry("io.javalin.", "Javalin"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("io.grpc.", "gRPC"),
            Map.entry("io.netty.", "Netty"),
            Map.entry("com.google.protobuf.", "protobuf"),
            Map.entry("org.postgresql.", "PostgreSQL JDBC"),
            Map.entry("com.zaxxer.hikari.", "HikariCP"),
            Map.entry("org.jdbi.", "JDBI"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("net.logstash.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("java.util.regex.", "JDK regex"),
            Map.entry("sun.security.", "JDK crypto"),
            Map.entry("com.sun.crypto.", "JDK crypto"),
            Map.entry("java.security.", "JDK crypto"),
            Map.entry("sun.nio.", "JDK I/O"),
            Map.entry("java.nio.", "JDK I/O"),
            Map.entry("java.net.", "JDK I/O"),
            Map.entry("java.io.", "JDK I/O"),
            Map.entry("java.util.concurrent.", "JDK concurrency"),
            Map.entry("java.lang.invoke.", "JDK reflection"),
            Map.entry("java.lang.reflect.", "JDK reflection"),
            Map.entry("jdk.internal.reflect.", "JDK reflection"));

    private JfrHotspots() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JfrHotspots <recording.jfr> [top]");
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String topMethod = name(frames.get(0).getMethod());
            self.merge(topMethod, 1, Integer::sum);
            byLibrary.merge(library(topMethod), 1, Integer::sum);
            Set<String> onStack = new HashSet<>();
            for (RecordedFrame frame : frames) {
                onStack.add(name(frame.getMethod()));
            }
            onStack.forEach(method -> total.merge(method, 1, Integer::sum));
        }
        System.out.println(args[0] + ": " + samples + " CPU samples");
        print("self time by library", byLibrary, samples, top);
        print("self time by method", self, samples, top);
        print("total time by method (on the stack)", total, samples, top * 2);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println("## " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(entry -> System.out.printf(Locale.ROOT, "%6s%%  %s%n",
                        Figures.format(100.0 * entry.getValue() / samples), entry.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    static String library(String method) {
        for (Map.Entry<String, String> library : LIBRARIES) {
            if (method.startsWith(library.getKey())) {
                return library.getValue();
            }
        }
        String[] parts = method.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : method;
    }
}
