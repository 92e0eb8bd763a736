package io.parceltrack.bench.report;

import java.util.Arrays;

/**
 * Samples sorted once, read as percentiles. Percentiles interpolate linearly between the two
 * nearest ranks, so the median of an even number of samples is the mean of the middle two.
 */
public final class Distribution {
    private final double[] sorted;

    private Distribution(double[] sorted) {
        this.sorted = sorted;
    }

    public static Distribution of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a distribution needs at least one sample");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Distribution(sorted);
    }

    /** {@code percent} from 0 (the minimum) to 100 (the maximum). */
    public double percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile lies between 0 and 100, not " + percent);
        }
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    public double median() {
        return percentile(50);
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
