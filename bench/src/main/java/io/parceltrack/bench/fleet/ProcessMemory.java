package io.parceltrack.bench.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The memory of one app process: its resident set from {@code /proc/<pid>/status} (what the
 * kernel and a container limit count) and its Java heap in use from its own {@code /metrics}
 * ({@code jvm_memory_used_bytes} of the heap pools). A figure that cannot be read is NaN.
 */
final class ProcessMemory {
    private static final double MIB = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final long pid;
    private final URI metrics;

    ProcessMemory(long pid, URI metrics) {
        this.pid = pid;
        this.metrics = metrics;
    }

    record Sample(double rssMiB, double heapMiB) {}

    Sample sample() {
        return new Sample(rssMiB(), heapMiB());
    }

    private double rssMiB() {
        try {
            return rssKiB(Files.readString(Path.of("/proc", Long.toString(pid), "status"))) * 1024 / MIB;
        } catch (IOException gone) {
            return Double.NaN;
        }
    }

    private double heapMiB() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? heapBytes(answer.body()) / MIB : Double.NaN;
        } catch (IOException noAnswer) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The {@code VmRSS} line of a {@code /proc/<pid>/status}, in KiB (NaN when it has none). */
    static double rssKiB(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Double.parseDouble(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        return Double.NaN;
    }

    /** The sum of {@code jvm_memory_used_bytes} over the series with {@code area="heap"} (NaN when there is none). */
    static double heapBytes(String prometheusText) {
        double sum = 0;
        boolean found = false;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }
}
