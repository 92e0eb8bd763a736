package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Parcels as this process's last checkpoint of each left them: the row's id and version and the
 * parcel. {@link PostgresCheckpointRecorder} decides a parcel's next checkpoint on this and writes
 * it only if the row still has that version, so a parcel remembered here costs one round trip
 * instead of two. A stale entry (another process or statement changed the row since) is harmless:
 * the write then finds another version, writes nothing and returns the row as it is.
 *
 * <p>Bounded: the {@code capacity} parcels used last (a parcel is a few hundred bytes, at most a
 * few kB with the longest details), each for at most {@code maxAge}, so that a 32-bit row version
 * can never come round to an old entry's. What it saves depends on how soon a parcel's next
 * checkpoint follows through the same process: a scanner's burst of a parcel's checkpoints, a
 * replayed history, or a load test's small set of parcels gain; parcels scanned hours apart, or
 * whose checkpoints alternate between instances, find nothing remembered and cost what they did.
 */
final class RecentParcels {
    static final int CAPACITY = 4_096;
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** A parcel as stored: its row's id and version, and the parcel. */
    record StoredParcel(long id, String rowVersion, Parcel parcel) {}

    private record Entry(StoredParcel stored, long rememberedAt) {}

    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Entry> entries;

    RecentParcels() {
        this(CAPACITY, MAX_AGE, System::nanoTime);
    }

    RecentParcels(int capacity, Duration maxAge, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The parcel as last remembered, unless that was longer than the maximum age ago. */
    synchronized Optional<StoredParcel> get(TrackNumber trackNumber) {
        Entry entry = entries.get(trackNumber.value());
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.rememberedAt() >= maxAgeNanos) {
            entries.remove(trackNumber.value());
            return Optional.empty();
        }
        return Optional.of(entry.stored());
    }

    synchronized void remember(StoredParcel stored) {
        entries.put(stored.parcel().trackNumber().value(), new Entry(stored, nanoTime.getAsLong()));
    }

    synchronized void forget(TrackNumber trackNumber) {
        entries.remove(trackNumber.value());
    }

    /** How many parcels are remembered (for tests). */
    synchronized int size() {
        return entries.size();
    }
}
