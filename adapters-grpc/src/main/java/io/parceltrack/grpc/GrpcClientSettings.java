package io.parceltrack.grpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How our gRPC clients call: {@code deadline} bounds every call (all of its attempts together);
 * idempotent reads are tried up to {@code readAttempts} times while the service answers UNAVAILABLE,
 * waiting a random time up to {@code initialBackoff}, doubling to at most {@code maxBackoff}, between
 * attempts. Writes are tried once: repeating one could do it twice.
 */
public record GrpcClientSettings(Duration deadline, int readAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** grpc-java refuses more attempts than this unless told otherwise; more would not help anyway. */
    public static final int MAX_READ_ATTEMPTS = 5;

    public GrpcClientSettings {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        if (readAttempts < 1 || readAttempts > MAX_READ_ATTEMPTS) {
            throw new IllegalArgumentException("readAttempts must be 1 to " + MAX_READ_ATTEMPTS + ", got " + readAttempts);
        }
        if (initialBackoff.toMillis() < 1 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff must be at least 1ms and maxBackoff at least initialBackoff, got "
                            + initialBackoff + " and " + maxBackoff);
        }
    }

    /** 5 s per call, reads tried 3 times, 100 ms to 1 s apart: enough for a restarting pod. */
    public static GrpcClientSettings defaults() {
        return new GrpcClientSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    public GrpcClientSettings withDeadline(Duration newDeadline) {
        return new GrpcClientSettings(newDeadline, readAttempts, initialBackoff, maxBackoff);
    }
}
