package io.parceltrack.memory;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The parcels database in memory: parcels, checkpoints, subscriptions and the outbox, kept
 * consistent with each other the way foreign keys and transactions keep PostgreSQL consistent.
 * One lock guards the data; a second one makes outbox drains exclusive without blocking writers
 * while events are being published.
 */
public final class InMemoryParcelDatabase
        implements ParcelStore, RecordCheckpointPort, SubscriptionStore, OutboxStore {

    private record Row<T>(long sequence, T value) {}

    private final Object lock = new Object();
    private final ReentrantLock drainLock = new ReentrantLock();
    private long nextSequence = 1;
    private final Map<TrackNumber, Row<Parcel>> parcels = new HashMap<>();
    private final Map<TrackNumber, List<Row<Checkpoint>>> checkpoints = new HashMap<>();
    /** Per parcel: subscriber id to subscription sequence, ordered by subscriber id for keyset paging. */
    private final Map<TrackNumber, TreeMap<Long, Long>> subscribersByParcel = new HashMap<>();
    private final TreeMap<Long, ParcelEvent> outbox = new TreeMap<>();

    // --- ParcelStore

    @Override
    public boolean insertParcel(Parcel parcel) {
        synchronized (lock) {
            if (parcels.containsKey(parcel.trackNumber())) {
                return false;
            }
            parcels.put(parcel.trackNumber(), new Row<>(nextSequence++, parcel));
            return true;
        }
    }

    @Override
    public Optional<Parcel> findParcel(TrackNumber trackNumber) {
        synchronized (lock) {
            return Optional.ofNullable(parcels.get(trackNumber)).map(Row::value);
        }
    }

    @Override
    public boolean deleteParcel(TrackNumber trackNumber) {
        synchronized (lock) {
            checkpoints.remove(trackNumber);
            subscribersByParcel.remove(trackNumber);
            return parcels.remove(trackNumber) != null;
        }
    }

    @Override
    public Page<Parcel> findParcelsByOwner(TelegramId owner, PageRequest page) {
        synchronized (lock) {
            Stream<Row<Parcel>> rows = parcels.values().stream()
                    .filter(row -> row.value().isOwnedBy(owner))
                    .sorted(Comparator.<Row<Parcel>, java.time.Instant>comparing(row -> row.value().createdAt())
                            .thenComparingLong(Row::sequence)
                            .reversed());
            return slice(rows.map(Row::value), page);
        }
    }

    @Override
    public Page<Checkpoint> findCheckpoints(TrackNumber trackNumber, PageRequest page) {
        synchronized (lock) {
            Stream<Row<Checkpoint>> rows = checkpoints.getOrDefault(trackNumber, List.of()).stream()
                    .sorted(Comparator.<Row<Checkpoint>, java.time.Instant>comparing(row -> row.value().time())
                            .thenComparingLong(Row::sequence)
                            .reversed());
            return slice(rows.map(Row::value), page);
        }
    }

    // --- RecordCheckpointPort

    @Override
    public Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision) {
        synchronized (lock) {
            Row<Parcel> current = parcels.get(trackNumber);
            if (current == null) {
                return Optional.empty();
            }
            CheckpointRecord record = decision.decide(current.value());
            parcels.put(trackNumber, new Row<>(current.sequence(), record.parcel()));
            checkpoints.computeIfAbsent(trackNumber, key -> new ArrayList<>())
                    .add(new Row<>(nextSequence++, record.checkpoint()));
            outbox.put(nextSequence++, record.event());
            return Optional.of(record);
        }
    }

    // --- SubscriptionStore

    @Override
    public boolean addSubscription(TelegramId user, TrackNumber trackNumber) {
        synchronized (lock) {
            if (!parcels.containsKey(trackNumber)) {
                throw new NotFoundException(Subject.PARCEL, "no parcel with track number " + trackNumber);
            }
            TreeMap<Long, Long> subscribers = subscribersByParcel.computeIfAbsent(trackNumber, key -> new TreeMap<>());
            if (subscribers.containsKey(user.value())) {
                return false;
            }
            subscribers.put(user.value(), nextSequence++);
            return true;
        }
    }

    @Override
    public boolean removeSubscription(TelegramId user, TrackNumber trackNumber) {
        synchronized (lock) {
            TreeMap<Long, Long> subscribers = subscribersByParcel.get(trackNumber);
            return subscribers != null && subscribers.remove(user.value()) != null;
        }
    }

    @Override
    public boolean isSubscribed(TelegramId user, TrackNumber trackNumber) {
        synchronized (lock) {
            TreeMap<Long, Long> subscribers = subscribersByParcel.get(trackNumber);
            return subscribers != null && subscribers.containsKey(user.value());
        }
    }

    @Override
    public Page<Parcel> findSubscribedParcels(TelegramId user, PageRequest page) {
        synchronized (lock) {
            Stream<Row<Parcel>> rows = subscribersByParcel.entrySet().stream()
                    .filter(entry -> entry.getValue().containsKey(user.value()))
                    .map(entry -> new Row<>(entry.getValue().get(user.value()), parcels.get(entry.getKey()).value()))
                    .sorted(Comparator.<Row<Parcel>>comparingLong(Row::sequence).reversed());
            return slice(rows.map(Row::value), page);
        }
    }

    @Override
    public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
        synchronized (lock) {
            TreeMap<Long, Long> subscribers = subscribersByParcel.get(trackNumber);
            if (subscribers == null) {
                return List.of();
            }
            return subscribers.tailMap(afterUserId, false).keySet().stream()
                    .limit(limit)
                    .map(TelegramId::new)
                    .toList();
        }
    }

    // --- OutboxStore

    @Override
    public int drain(int limit, EventPublisher publisher) {
        if (!drainLock.tryLock()) {
            return 0;
        }
        try {
            List<Map.Entry<Long, ParcelEvent>> batch;
            synchronized (lock) {
                batch = outbox.entrySet().stream().limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            }
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publish(batch.stream().map(Map.Entry::getValue).toList());
            synchronized (lock) {
                batch.forEach(entry -> outbox.remove(entry.getKey()));
            }
            return batch.size();
        } finally {
            drainLock.unlock();
        }
    }

    private static <T> Page<T> slice(Stream<T> sorted, PageRequest page) {
        List<T> rows = sorted.skip(page.offset()).limit(page.size() + 1L).toList();
        return Page.fromLookahead(rows, page);
    }
}
