package io.parceltrack.bench.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** CPU clocks of named parts of the system, read before and after a round. */
final class CpuMeter {
    private final Map<String, LongSupplier> clocks = new LinkedHashMap<>();

    CpuMeter add(String name, LongSupplier nanos) {
        clocks.put(name, nanos);
        return this;
    }

    Map<String, Long> read() {
        Map<String, Long> now = new LinkedHashMap<>();
        clocks.forEach((name, clock) -> now.put(name, clock.getAsLong()));
        return now;
    }

    /** Milliseconds of CPU per unit of work for each part between two readings. */
    static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        Map<String, Double> spent = new LinkedHashMap<>();
        before.forEach((name, start) -> spent.put(name, (after.get(name) - start) / 1e6 / Math.max(1, units)));
        return spent;
    }
}
