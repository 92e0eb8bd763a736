package io.parceltrack.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of handled batches that may be committed late: the batches can be handled again without
 * harm (they produced nothing, or what they stored is stored idempotently), so their commits are
 * gathered and sent as one, instead of one commit request per batch. Per partition only the
 * furthest position is kept, since a commit covers everything before it.
 *
 * <p>Not thread-safe: it lives on its consumer loop's thread.
 */
final class DeferredOffsets {
    private final Duration interval;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    /** When the oldest pending offset was added, in {@link System#nanoTime()} terms. */
    private long oldestAddedAt;

    DeferredOffsets(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.interval = interval;
    }

    /**
     * Adds handled batches' offsets (or puts back ones whose commit failed), keeping the furthest
     * position per partition.
     */
    void add(Map<TopicPartition, OffsetAndMetadata> offsets, long nowNanos) {
        if (offsets.isEmpty()) {
            return;
        }
        if (pending.isEmpty()) {
            oldestAddedAt = nowNanos;
        }
        offsets.forEach((partition, offset) -> pending.merge(partition, offset, DeferredOffsets::further));
    }

    /** Forgets what {@code committed} (committed by other means, e.g. in a transaction) already covers. */
    void coveredBy(Map<TopicPartition, OffsetAndMetadata> committed) {
        committed.forEach((partition, offset) -> {
            OffsetAndMetadata waiting = pending.get(partition);
            if (waiting != null && waiting.offset() <= offset.offset()) {
                pending.remove(partition);
            }
        });
    }

    /** Whether the oldest pending offset has waited the interval out. */
    boolean due(long nowNanos) {
        return !pending.isEmpty() && nowNanos - oldestAddedAt >= interval.toNanos();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Removes and returns all pending offsets. */
    Map<TopicPartition, OffsetAndMetadata> takeAll() {
        Map<TopicPartition, OffsetAndMetadata> all = Map.copyOf(pending);
        pending.clear();
        return all;
    }

    /** Removes and returns the pending offsets of {@code partitions} (e.g. ones being given up). */
    Map<TopicPartition, OffsetAndMetadata> take(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> taken = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.remove(partition);
            if (offset != null) {
                taken.put(partition, offset);
            }
        }
        return taken;
    }

    /** The furthest position per partition of {@code a} and {@code b}. */
    static Map<TopicPartition, OffsetAndMetadata> furthest(
            Map<TopicPartition, OffsetAndMetadata> a, Map<TopicPartition, OffsetAndMetadata> b) {
        Map<TopicPartition, OffsetAndMetadata> merged = new HashMap<>(a);
        b.forEach((partition, offset) -> merged.merge(partition, offset, DeferredOffsets::further));
        return merged;
    }

    private static OffsetAndMetadata further(OffsetAndMetadata a, OffsetAndMetadata b) {
        return b.offset() > a.offset() ? b : a;
    }
}
