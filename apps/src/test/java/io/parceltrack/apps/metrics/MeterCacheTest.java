package io.parceltrack.apps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterCacheTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger registrations = new AtomicInteger();
    private final MeterCache<String, Counter> counters = new MeterCache<>(2, route -> {
        registrations.incrementAndGet();
        return Counter.builder("requests").tag("route", route).register(registry);
    });

    @Test
    void registersAMeterOnceAndLooksItUpAfter() {
        counters.get("/a").increment();
        counters.get("/a").increment();

        assertThat(registrations).hasValue(1);
        assertThat(registry.get("requests").tag("route", "/a").counter().count()).isEqualTo(2.0);
    }

    @Test
    void pastItsCapacityStillCountsInTheRegisteredMeterButKeepsNothing() {
        counters.get("/a").increment();
        counters.get("/b").increment();
        counters.get("/c").increment();
        counters.get("/c").increment();
        counters.get("/a").increment();

        assertThat(registrations).as("/a and /b kept, /c registered on each use").hasValue(4);
        assertThat(registry.get("requests").tag("route", "/c").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("requests").tag("route", "/a").counter().count()).isEqualTo(2.0);
    }
}
