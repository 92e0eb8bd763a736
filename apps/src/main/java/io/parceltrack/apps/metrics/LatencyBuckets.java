package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The histogram buckets of every latency we publish: a fixed dozen from 5 ms to 10 s, so that a
 * timer costs a dozen series per label set rather than the seventy of Micrometer's default
 * percentile histogram, and dashboards can compare latencies bucket by bucket.
 */
final class LatencyBuckets {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
    };

    private LatencyBuckets() {}

    static Timer.Builder timer(String name) {
        return Timer.builder(name).serviceLevelObjectives(BUCKETS);
    }
}
