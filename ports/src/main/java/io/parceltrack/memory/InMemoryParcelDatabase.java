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
import io.parceltrack.port.out.OutboxBacklog;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.SubscriptionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The parcels database in memory: parcels, checkpoints, subscriptions and the outbox, kept
 * consistent with each other the way foreign keys and transactions keep PostgreSQL consistent.
 * One lock guards the data; a second one makes outbox drains exclusive without blocking writers
 * while events are being published. Listings have their own sorted indexes, as a database would,
 * so a page costs its offset and size rather than a scan of every parcel.
 */
public final class InMemoryParcelDatabase
        implements ParcelStore, RecordCheckpointPort, SubscriptionStore, OutboxStore, OutboxBacklog {

    private record Row<T>(long sequence, T value) {}

    /** A manager's parcel in listing order: newest first, then the one stored last first. */
    private record OwnedParcel(Instant createdAt, long sequence, TrackNumber trackNumber) {
        static final Comparator<OwnedParcel> NEWEST_FIRST = Comparator.comparing(OwnedParcel::createdAt)
                .thenComparingLong(OwnedParcel::sequence)
                .reversed();
    }

    private final Object lock = new Object();
    private final ReentrantLock drainLock = new ReentrantLock();
    private long nextSequence = 1;
    private final Map<TrackNumber, Row<Parcel>> parcels = new HashMap<>();
    private final Map<TrackNumber, List<Row<Checkpoint>>> checkpoints = new HashMap<>();
    /** Per parcel: subscriber id to subscription sequence, ordered by subscriber id for keyset paging. */
    private final Map<TrackNumber, TreeMap<Long, Long>> subscribersByParcel = new HashMap<>();
    /** Per manager, their parcels in listing order, so a page costs its offset, not every parcel. */
    private final Map<TelegramId, TreeSet<OwnedParcel>> parcelsByOwner = new HashMap<>();
    /** Per user: subscription sequence to parcel, for listing a user's subscriptions newest first. */
    private final Map<Long, TreeMap<Long, TrackNumber>> subscriptionsByUser = new HashMap<>();
    private final TreeMap<Long, ParcelEvent> outbox = new TreeMap<>();
    private final List<Runnable> recordedListeners = new CopyOnWriteArrayList<>();

    // --- ParcelStore

    @Override
    public boolean insertParcel(Parcel parcel) {
        synchronized (lock) {
            if (parcels.containsKey(parcel.trackNumber())) {
                return false;
            }
            long sequence = nextSequence++;
            parcels.put(parcel.trackNumber(), new Row<>(sequence, parcel));
            parcelsByOwner.computeIfAbsent(parcel.owner(), owner -> new TreeSet<>(OwnedParcel.NEWEST_FIRST))
                    .add(new OwnedParcel(parcel.createdAt(), sequence, parcel.trackNumber()));
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
    public boolean deleteParcel(TrackNumber trackNumber, DeletionDecision decision) {
        synchronized (lock) {
            Row<Parcel> current = parcels.get(trackNumber);
            if (current == null) {
                return false;
            }
            ParcelEvent event = decision.decide(current.value());
            Row<Parcel> removed = parcels.remove(trackNumber);
            outbox.put(nextSequence++, event);
            Parcel parcel = removed.value();
            parcelsByOwner.get(parcel.owner())
                    .remove(new OwnedParcel(parcel.createdAt(), removed.sequence(), trackNumber));
            checkpoints.remove(trackNumber);
            TreeMap<Long, Long> subscribers = subscribersByParcel.remove(trackNumber);
            if (subscribers != null) {
                subscribers.forEach((user, sequence) -> subscriptionsByUser.get(user).remove(sequence));
            }
        }
        recordedListeners.forEach(Runnable::run);
        return true;
    }

    @Override
    public Page<Parcel> findParcelsByOwner(TelegramId owner, PageRequest page) {
        synchronized (lock) {
            Stream<OwnedParcel> owned = parcelsByOwner.getOrDefault(owner, new TreeSet<>()).stream();
            return slice(owned.map(entry -> parcels.get(entry.trackNumber()).value()), page);
        }
    }

    @Override
    public Page<Checkpoint> findCheckpoints(TrackNumber trackNumber, PageRequest page) {
        synchronized (lock) {
            Stream<Row<Checkpoint>> rows = checkpoints.getOrDefault(trackNumber, List.of()).stream()
                    .sorted(Comparator.<Row<Checkpoint>, Instant>comparing(row -> row.value().time())
                            .thenComparingLong(Row::sequence)
                            .reversed());
            return slice(rows.map(Row::value), page);
        }
    }

    // --- RecordCheckpointPort

    @Override
    public Optional<CheckpointRecord> recordCheckpoint(TrackNumber trackNumber, CheckpointDecision decision) {
        CheckpointRecord record;
        synchronized (lock) {
            Row<Parcel> current = parcels.get(trackNumber);
            if (current == null) {
                return Optional.empty();
            }
            record = decision.decide(current.value());
            parcels.put(trackNumber, new Row<>(current.sequence(), record.parcel()));
            checkpoints.computeIfAbsent(trackNumber, key -> new ArrayList<>())
                    .add(new Row<>(nextSequence++, record.checkpoint()));
            outbox.put(nextSequence++, record.event());
        }
        recordedListeners.forEach(Runnable::run);
        return Optional.of(record);
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
            long sequence = nextSequence++;
            subscribers.put(user.value(), sequence);
            subscriptionsByUser.computeIfAbsent(user.value(), id -> new TreeMap<>()).put(sequence, trackNumber);
            return true;
        }
    }

    @Override
    public boolean removeSubscription(TelegramId user, TrackNumber trackNumber) {
        synchronized (lock) {
            TreeMap<Long, Long> subscribers = subscribersByParcel.get(trackNumber);
            Long sequence = subscribers == null ? null : subscribers.remove(user.value());
            if (sequence == null) {
                return false;
            }
            subscriptionsByUser.get(user.value()).remove(sequence);
            return true;
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
            Stream<TrackNumber> newestFirst = subscriptionsByUser.getOrDefault(user.value(), new TreeMap<>())
                    .descendingMap().values().stream();
            return slice(newestFirst.map(trackNumber -> parcels.get(trackNumber).value()), page);
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

    /** The oldest event's time is when it occurred, which is when it was recorded here. */
    @Override
    public Backlog backlog() {
        synchronized (lock) {
            return outbox.isEmpty() ? Backlog.EMPTY : new Backlog(outbox.size(), outbox.firstEntry().getValue().occurredAt());
        }
    }

    @Override
    public void onRecorded(Runnable listener) {
        recordedListeners.add(listener);
    }

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
