package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one name by their label values, so that an event looks its meter up instead of
 * building and registering it each time (a builder, its tags and the registry's own lookup, on every
 * request). Bounded: label values come from templates and status codes and stay few, but should
 * they not, the meters past {@code capacity} are registered on every use as before, never kept here.
 */
final class MeterCache<K, M extends Meter> {
    private final int capacity;
    private final Function<K, M> register;
    private final Map<K, M> meters = new ConcurrentHashMap<>();

    /** @param register builds and registers the meter of a key (the registry returns an existing one) */
    MeterCache(int capacity, Function<K, M> register) {
        this.capacity = capacity;
        this.register = register;
    }

    M get(K key) {
        M meter = meters.get(key);
        if (meter != null) {
            return meter;
        }
        meter = register.apply(key);
        if (meters.size() < capacity) {
            meters.putIfAbsent(key, meter);
        }
        return meter;
    }
}
