package io.parceltrack.bench.report;

import java.util.Locale;

/** How the reports print a measured number: three significant digits, grouped thousands. */
public final class Figures {
    private Figures() {}

    public static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** "median (low..high)". */
    public static String spread(double median, double low, double high) {
        return format(median) + " (" + format(low) + ".." + format(high) + ")";
    }
}
