package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Distribution;
import java.util.List;

/** What one timed load gave: answers with the expected status per second, and their latencies. */
record LoadResult(long successes, long failures, double seconds, Distribution latencyMillis, List<String> failureSamples) {

    double perSecond() {
        return successes / seconds;
    }

    static Distribution distribution(long[] nanos, int count) {
        if (count == 0) {
            return Distribution.of(Double.NaN);
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        return Distribution.of(millis);
    }
}
