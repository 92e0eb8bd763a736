package io.parceltrack.postgres;

import io.parceltrack.domain.parcel.TrackNumber;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Parcels whose checkpoints lately lost the optimistic race of {@link PostgresCheckpointRecorder}:
 * for a while after that, their checkpoints take the row lock at once. Where checkpoints of one
 * parcel come in parallel (a system replaying a parcel's history, say), most first attempts would
 * lose again, and a lost attempt costs two round trips on top of the locking path's three.
 *
 * <p>Bounded: at most {@code capacity} parcels are remembered; when that many lost a race within
 * the hold, a further one is not remembered, and its checkpoints keep trying the optimistic way
 * first, which is slower under contention and as correct.
 */
final class ContendedParcels {
    static final int CAPACITY = 1_024;
    static final Duration HOLD = Duration.ofSeconds(1);

    private final int capacity;
    private final long holdNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> lostAt = new ConcurrentHashMap<>();

    ContendedParcels() {
        this(CAPACITY, HOLD, System::nanoTime);
    }

    ContendedParcels(int capacity, Duration hold, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.holdNanos = hold.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a checkpoint of the parcel lost the race within the hold. */
    boolean isContended(TrackNumber trackNumber) {
        Long lost = lostAt.get(trackNumber.value());
        if (lost == null) {
            return false;
        }
        if (nanoTime.getAsLong() - lost < holdNanos) {
            return true;
        }
        lostAt.remove(trackNumber.value(), lost);
        return false;
    }

    /** A checkpoint of the parcel found it changed since its read. */
    void lostRace(TrackNumber trackNumber) {
        long now = nanoTime.getAsLong();
        if (lostAt.size() >= capacity && !lostAt.containsKey(trackNumber.value())) {
            lostAt.values().removeIf(lost -> now - lost >= holdNanos);
            if (lostAt.size() >= capacity) {
                return;
            }
        }
        lostAt.put(trackNumber.value(), now);
    }

    /** How many parcels are remembered (for tests). */
    int size() {
        return lostAt.size();
    }
}
