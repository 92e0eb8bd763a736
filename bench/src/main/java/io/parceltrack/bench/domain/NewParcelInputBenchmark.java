package io.parceltrack.bench.domain;

import io.parceltrack.bench.InMemoryBenchmark;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What every POST of a parcel or a checkpoint pays before it reaches a store: reading a track
 * number as people type it, and validating a parcel's fields (all of them, collecting every
 * violation). The rejected case shows what a client sending bad input costs us: the exception that
 * carries the violations.
 */
public class NewParcelInputBenchmark extends InMemoryBenchmark {
    // Fields, not constants, so the JIT cannot fold the work away.
    private String typedTrackNumber = "  vf834349180 ";
    private String name = "Phone case";
    private String recipient = "Anna Smirnova";
    private String address = "Kazan, Bauman st. 1, apt. 12";
    private Instant forecast = Instant.parse("2026-12-10T12:00:00Z");
    private String description = "blue, fragile\nleave at the door";
    private String blank = " ";
    private String tooLong = "x".repeat(300);
    private Instant tooLate = Instant.parse("+20025-01-01T00:00:00Z");

    @Benchmark
    public TrackNumber parseTrackNumber() {
        return TrackNumber.parse(typedTrackNumber);
    }

    @Benchmark
    public ParcelDetails validateParcelDetails() {
        return new ParcelDetails(name, recipient, address, forecast, description);
    }

    @Benchmark
    public InvalidInputException rejectParcelDetailsWithEveryFieldWrong() {
        try {
            new ParcelDetails(blank, tooLong, blank, tooLate, tooLong);
            throw new IllegalStateException("the invalid details were accepted");
        } catch (InvalidInputException expected) {
            return expected;
        }
    }
}
