package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure measured in rounds next to its anchor from the same rounds: the median of each, and the
 * median of the per-round ratios (so that drift in the machine's background load, which hits both
 * sides of a round alike, cancels out).
 */
final class Ratios {
    private final List<Double> ours = new ArrayList<>();
    private final List<Double> anchor = new ArrayList<>();

    void add(double oursValue, double anchorValue) {
        ours.add(oursValue);
        anchor.add(anchorValue);
    }

    boolean isEmpty() {
        return ours.isEmpty();
    }

    Distribution ours() {
        return of(ours);
    }

    Distribution anchor() {
        return of(anchor);
    }

    Distribution ratio() {
        double[] ratios = new double[ours.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = ours.get(i) / anchor.get(i);
        }
        return Distribution.of(ratios);
    }

    static String spread(Distribution values) {
        return Figures.spread(values.median(), values.min(), values.max());
    }

    private static Distribution of(List<Double> values) {
        return Distribution.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
