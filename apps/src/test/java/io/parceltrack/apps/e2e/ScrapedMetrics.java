package io.parceltrack.apps.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One scrape of a process's {@code GET /metrics}, read as Prometheus text: the sum of a metric's
 * samples whose labels include the given ones. Comments and other metrics are ignored.
 */
record ScrapedMetrics(String source, List<String> samples) {

    static ScrapedMetrics of(HttpClient http, AppProcess process) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(process.metrics())
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(process.command() + ": GET /metrics answered " + response.statusCode());
            }
            return new ScrapedMetrics(process.command(),
                    response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of {@code name}'s samples carrying every label in {@code labels} ({@code key="value"}); 0 if none. */
    double sum(String name, String... labels) {
        return samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Whether any sample of {@code name} was exported at all. */
    boolean exports(String name) {
        return samples.stream().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private static List<String> labelsOf(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (open < 0 || close < open) {
            return List.of();
        }
        return Arrays.asList(line.substring(open + 1, close).split(","));
    }
}
