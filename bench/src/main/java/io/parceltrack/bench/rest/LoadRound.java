package io.parceltrack.bench.rest;

import io.parceltrack.bench.report.Distribution;
import java.util.List;

/**
 * What one timed round of one scenario gave: successes per second, their latencies, the server's
 * CPU time, the failures.
 */
record LoadRound(String scenario, int workers, long successes, long failures, double seconds,
        long serverCpuNanos, Distribution latencyMillis, List<String> failureSamples) {

    double requestsPerSecond() {
        return successes / seconds;
    }

    /** The server's CPU time (all its threads) per answered request, in microseconds. */
    double serverCpuMicrosPerRequest() {
        return serverCpuNanos / 1e3 / (successes + failures);
    }
}
