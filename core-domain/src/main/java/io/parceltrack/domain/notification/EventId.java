package io.parceltrack.domain.notification;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one parcel event across retries, so consumers can drop duplicates. */
public record EventId(UUID value) {
    public EventId {
        Objects.requireNonNull(value, "value");
    }

    /** A random (version 4) id. */
    public static EventId random(RandomGenerator random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new EventId(new UUID(most, least));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
