package io.parceltrack.bench.domain;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.trace.TraceContext;
import java.time.Instant;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the outbox relay pays per event for its trace, before any I/O: read the stored
 * {@code traceparent}, open the relay's span under it, and carry the span's {@code traceparent}
 * on the event (which checks it again). While those checks were streams they took 16 of the relay
 * thread's 39 samples in a fleet profile (docs/BENCHMARKS.md, fifth pass).
 */
public class EventTraceBenchmark extends InMemoryBenchmark {
    // Fields, not constants, so the JIT cannot fold the work away.
    private String stored = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private ParcelEvent event = event();

    private static ParcelEvent event() {
        SplittableRandom random = new SplittableRandom(11);
        Checkpoint checkpoint = new Checkpoint(Instant.parse("2026-12-04T10:00:00Z"), "Sorting centre, Kazan", "arrived",
                ParcelStatus.IN_TRANSIT);
        return new ParcelEvent(EventId.random(random), TrackNumber.generate(random), "Phone case", checkpoint,
                Instant.parse("2026-12-04T10:00:01Z"));
    }

    @Benchmark
    public TraceContext readStoredTraceparent() {
        return TraceContext.parse(stored).orElseThrow();
    }

    @Benchmark
    public ParcelEvent relayAnEventsTrace() {
        TraceContext span = TraceContext.parse(stored).orElseThrow().child();
        return event.withTrace(span.traceparent());
    }
}
