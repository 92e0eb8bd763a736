package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.ForwardingSubscriptionStore;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.PublishException;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.port.out.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class NotificationFanOutServiceTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final List<List<Delivery>> batches = new ArrayList<>();
    private final DeliveryPublisher recording = batches::add;

    private Parcel parcelFollowedBy(List<TelegramId> users) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        users.forEach(user -> database.addSubscription(user, parcel.trackNumber()));
        return parcel;
    }

    private static List<TelegramId> newUsers(int count) {
        List<TelegramId> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Fixtures.newId());
        }
        return users;
    }

    @Test
    void emitsOneDeliveryPerSubscriberPageByPage() {
        List<TelegramId> users = newUsers(7);
        Parcel parcel = parcelFollowedBy(users);
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));

        int emitted = new NotificationFanOutService(database, recording, 3).fanOut(event);

        assertThat(emitted).isEqualTo(7);
        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        List<Delivery> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(Delivery::recipient).containsExactlyElementsOf(users);
        assertThat(all).allSatisfy(delivery -> {
            assertThat(delivery.id()).isEqualTo(DeliveryId.of(event.id(), delivery.recipient()));
            assertThat(delivery.checkpoint()).isEqualTo(event.checkpoint());
            assertThat(delivery.trackNumber()).isEqualTo(parcel.trackNumber());
        });
    }

    @Test
    void aSmallFirstPageIsFollowedByFullPages() {
        List<TelegramId> users = newUsers(8);
        Parcel parcel = parcelFollowedBy(users);
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));

        int emitted = new NotificationFanOutService(database, recording, 3, 1, Runnable::run).fanOut(event);

        assertThat(emitted).isEqualTo(8);
        assertThat(batches).extracting(List::size).containsExactly(1, 3, 3, 1);
        assertThat(batches.stream().flatMap(List::stream).map(Delivery::recipient).toList())
                .containsExactlyElementsOf(users);
    }

    @Test
    void aFirstPageLargerThanAPageIsRefused() {
        assertThatThrownBy(() -> new NotificationFanOutService(database, recording, 3, 4, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstPageSize");
        assertThatThrownBy(() -> new NotificationFanOutService(database, recording, 3, 0, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDeliveryCarriesTheParcelsStatusAfterTheCheckpoint() {
        Parcel parcel = parcelFollowedBy(newUsers(2));
        Checkpoint late = Fixtures.checkpoint(T0, ParcelStatus.DELIVERED);
        ParcelEvent event = new ParcelEvent(EventId.random(new Random(3)), parcel.trackNumber(), parcel.name(), late,
                T0, ParcelEvent.Kind.CHECKPOINT_RECORDED, parcel.owner(), ParcelStatus.IN_TRANSIT,
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));

        new NotificationFanOutService(database, recording, 10).fanOut(event);

        assertThat(batches.get(0)).extracting(Delivery::effect)
                .containsOnly(new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
    }

    @Test
    void anExactMultipleOfThePageSizeEndsWithAnEmptyLookup() {
        Parcel parcel = parcelFollowedBy(newUsers(6));
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));

        assertThat(new NotificationFanOutService(database, recording, 3).fanOut(event)).isEqualTo(6);
        assertThat(batches).extracting(List::size).containsExactly(3, 3);
    }

    @Test
    void anUnfollowedParcelEmitsNothing() {
        Parcel parcel = parcelFollowedBy(List.of());

        int emitted = new NotificationFanOutService(database, recording, 3)
                .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)));

        assertThat(emitted).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void handlingAnEventAgainReproducesTheSameDeliveries() {
        Parcel parcel = parcelFollowedBy(newUsers(4));
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));
        NotificationFanOutService fanOut = new NotificationFanOutService(database, recording, 10);

        fanOut.fanOut(event);
        fanOut.fanOut(event);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).isEqualTo(batches.get(0));
    }

    @Test
    void aPublishFailurePropagatesSoTheEventIsRetried() {
        Parcel parcel = parcelFollowedBy(newUsers(2));
        DeliveryPublisher down = deliveries -> {
            throw new PublishException("broker down", null);
        };

        assertThatThrownBy(() -> new NotificationFanOutService(database, down, 10)
                        .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT))))
                .isInstanceOf(PublishException.class);
    }

    @Test
    void aBatchEmitsForEachEventWhatItsOwnFanOutWould() {
        List<TelegramId> many = newUsers(7);
        Parcel busy = parcelFollowedBy(many);
        Parcel quiet = parcelFollowedBy(newUsers(1));
        Parcel unfollowed = parcelFollowedBy(List.of());
        List<ParcelEvent> events = List.of(
                Fixtures.event(busy.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)),
                Fixtures.event(quiet.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)),
                Fixtures.event(unfollowed.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)),
                Fixtures.event(busy.trackNumber(), Fixtures.checkpoint(T0.plusSeconds(1), ParcelStatus.DELIVERED)));
        NotificationFanOutService service = new NotificationFanOutService(database, recording, 6);
        List<Integer> oneByOne = events.stream().map(service::fanOut).toList();
        List<Delivery> expected = batches.stream().flatMap(List::stream).toList();
        batches.clear();

        FanOutParcelEventUseCase batch = service.forBatch(events);
        List<Integer> together = events.stream().map(batch::fanOut).toList();

        assertThat(together).isEqualTo(oneByOne).containsExactly(7, 1, 0, 7);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(expected);
        // Three parcels share a page of 6: two each first, then the busy one is paged on by 6.
        assertThat(batches).extracting(List::size).containsExactly(2, 5, 1, 2, 5);
    }

    @Test
    void aBatchReadsTheFirstSubscribersOfAllItsParcelsInOneLookup() {
        CountingSubscriptions counting = new CountingSubscriptions(database);
        List<ParcelEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Fixtures.event(parcelFollowedBy(newUsers(2)).trackNumber(),
                    Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)));
        }

        FanOutParcelEventUseCase batch = new NotificationFanOutService(counting, recording, 100).forBatch(events);
        events.forEach(batch::fanOut);

        assertThat(counting.batchLookups).isEqualTo(1);
        assertThat(counting.largestShare).isEqualTo(20);
        assertThat(counting.pageLookups).as("every parcel had fewer than its share").isZero();
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(10);
    }

    @Test
    void aBatchRefusesAnEventThatIsNotOneOfItsOwn() {
        Parcel first = parcelFollowedBy(newUsers(1));
        Parcel second = parcelFollowedBy(newUsers(1));
        Parcel other = parcelFollowedBy(newUsers(1));
        FanOutParcelEventUseCase batch = new NotificationFanOutService(database, recording, 10).forBatch(List.of(
                Fixtures.event(first.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)),
                Fixtures.event(second.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT))));

        assertThatThrownBy(() -> batch.fanOut(
                Fixtures.event(other.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(batches).isEmpty();
    }

    @Test
    void readsTheNextPageOnTheReaderWhilePublishingAndEmitsTheSame() throws Exception {
        List<TelegramId> users = newUsers(10);
        Parcel parcel = parcelFollowedBy(users);
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));
        List<String> readingThreads = new CopyOnWriteArrayList<>();
        SubscriptionStore watched = new CountingSubscriptions(database) {
            @Override
            public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
                readingThreads.add(Thread.currentThread().getName());
                return super.findSubscribers(trackNumber, afterUserId, limit);
            }
        };
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "page-reader"));
        try {
            int emitted = new NotificationFanOutService(watched, recording, 4, reader).fanOut(event);

            assertThat(emitted).isEqualTo(10);
            assertThat(batches).extracting(List::size).containsExactly(4, 4, 2);
            assertThat(batches.stream().flatMap(List::stream).map(Delivery::recipient).toList()).isEqualTo(users);
            assertThat(readingThreads).containsExactly(Thread.currentThread().getName(), "page-reader", "page-reader");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void aNextPageThatCannotBeReadFailsTheFanOutWithTheStoresOwnError() {
        Parcel parcel = parcelFollowedBy(newUsers(5));
        SubscriptionStore failingLater = new CountingSubscriptions(database) {
            @Override
            public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
                if (afterUserId > 0) {
                    throw new UnavailableException("the database is unavailable", null);
                }
                return super.findSubscribers(trackNumber, afterUserId, limit);
            }
        };
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> new NotificationFanOutService(failingLater, recording, 2, reader)
                    .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT))))
                    .isInstanceOf(UnavailableException.class);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void aReaderThatRefusesWorkLeavesTheReadingToTheCaller() {
        List<TelegramId> users = newUsers(5);
        Parcel parcel = parcelFollowedBy(users);
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdownNow();

        int emitted = new NotificationFanOutService(database, recording, 2, stopped)
                .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)));

        assertThat(emitted).isEqualTo(5);
        assertThat(batches.stream().flatMap(List::stream).map(Delivery::recipient).toList()).isEqualTo(users);
    }

    /** Counts the lookups of the fan-out and the largest first page asked for. */
    private static class CountingSubscriptions extends ForwardingSubscriptionStore {
        int batchLookups;
        int pageLookups;
        int largestShare;

        CountingSubscriptions(SubscriptionStore store) {
            super(store);
        }

        @Override
        public Map<TrackNumber, List<TelegramId>> findFirstSubscribers(Set<TrackNumber> trackNumbers, int limit) {
            batchLookups++;
            largestShare = Math.max(largestShare, limit);
            return super.findFirstSubscribers(trackNumbers, limit);
        }

        @Override
        public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
            pageLookups++;
            return super.findSubscribers(trackNumber, afterUserId, limit);
        }
    }
}
