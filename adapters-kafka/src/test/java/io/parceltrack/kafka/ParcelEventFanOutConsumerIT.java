package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.ForwardingSubscriptionStore;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.service.NotificationFanOutService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBrokerExtension.class)
class ParcelEventFanOutConsumerIT {
    private static final int PAGE_SIZE = 250;

    private final KafkaTestBroker broker;
    private final String suffix = UUID.randomUUID().toString();
    private final TopicSettings events = TopicSettings.of("parcel-events-" + suffix, 3, (short) 1);
    private final TopicSettings deliveries = TopicSettings.of("notification-deliveries-" + suffix, 4, (short) 1);
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();

    ParcelEventFanOutConsumerIT(KafkaTestBroker broker) {
        this.broker = broker;
        new KafkaTopicCreator(broker.clientSettings()).createMissing(List.of(events, deliveries));
    }

    @Test
    void emitsExactlyOneDeliveryPerSubscriberReadingSubscribersPageByPage() throws Exception {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        Set<TelegramId> subscribers = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TelegramId user = Fixtures.newId();
            database.addSubscription(user, parcel.trackNumber());
            subscribers.add(user);
        }
        ParcelEvent event = Fixtures.event(parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));
        PageCountingSubscriptions counting = new PageCountingSubscriptions(database);

        try (KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
                TopicReader reader = new TopicReader(broker, deliveries.name())) {
            ParcelEventFanOutConsumer fanOut = new ParcelEventFanOutConsumer(TestSettings.fanOut(broker, events, deliveries.name()),
                    through -> new NotificationFanOutService(counting, through, PAGE_SIZE)).start();
            try {
                publisher.publishEvents(List.of(event));
                assertThat(reader.awaitRecords(subscribers.size(), Duration.ofSeconds(60))).hasSize(subscribers.size());
            } finally {
                assertThat(fanOut.stop(Duration.ofSeconds(30))).isTrue();
            }

            List<Delivery> emitted = deliveriesIn(reader.readToEnd(Duration.ofSeconds(30)));

            assertThat(emitted).hasSize(subscribers.size());
            assertThat(emitted.stream().map(Delivery::recipient).collect(Collectors.toSet())).isEqualTo(subscribers);
            assertThat(emitted.stream().map(Delivery::id).collect(Collectors.toSet()))
                    .hasSize(subscribers.size())
                    .isEqualTo(subscribers.stream().map(user -> DeliveryId.of(event.id(), user)).collect(Collectors.toSet()));
            assertThat(emitted).allSatisfy(delivery -> {
                assertThat(delivery.trackNumber()).isEqualTo(event.trackNumber());
                assertThat(delivery.checkpoint()).isEqualTo(event.checkpoint());
            });
            assertThat(counting.largestPage()).isEqualTo(PAGE_SIZE);
            assertThat(counting.pagesRead()).isGreaterThanOrEqualTo(subscribers.size() / PAGE_SIZE);
        }
    }

    @Test
    void aBatchOfManyParcelsEventsReadsTheirFirstSubscribersTogetherAndEmitsEveryDeliveryOnce() throws Exception {
        Map<ParcelEvent, Set<TelegramId>> expected = new LinkedHashMap<>();
        for (int p = 0; p < 40; p++) {
            Parcel parcel = Fixtures.parcel(Fixtures.newId());
            database.insertParcel(parcel);
            // One parcel has more followers than its share of a page; some have none.
            int followers = p == 7 ? 3 * PAGE_SIZE : p % 4;
            Set<TelegramId> users = new HashSet<>();
            for (int i = 0; i < followers; i++) {
                TelegramId user = Fixtures.newId();
                database.addSubscription(user, parcel.trackNumber());
                users.add(user);
            }
            expected.put(Fixtures.event(parcel.trackNumber(),
                    Fixtures.checkpoint(Fixtures.T0.plusSeconds(p), ParcelStatus.IN_TRANSIT)), users);
        }
        int total = expected.values().stream().mapToInt(Set::size).sum();
        PageCountingSubscriptions counting = new PageCountingSubscriptions(database);

        try (KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
                TopicReader reader = new TopicReader(broker, deliveries.name())) {
            // Published before the consumer starts, so that its first polls find many events at once.
            publisher.publishEvents(List.copyOf(expected.keySet()));
            ParcelEventFanOutConsumer fanOut = new ParcelEventFanOutConsumer(TestSettings.fanOut(broker, events, deliveries.name()),
                    through -> new NotificationFanOutService(counting, through, PAGE_SIZE)).start();
            try {
                assertThat(reader.awaitRecords(total, Duration.ofSeconds(60))).hasSize(total);
            } finally {
                assertThat(fanOut.stop(Duration.ofSeconds(30))).isTrue();
            }

            List<Delivery> emitted = deliveriesIn(reader.readToEnd(Duration.ofSeconds(30)));

            assertThat(emitted).hasSize(total);
            expected.forEach((event, users) -> assertThat(emitted.stream()
                    .filter(delivery -> delivery.id().equals(DeliveryId.of(event.id(), delivery.recipient())))
                    .map(Delivery::recipient).collect(Collectors.toSet()))
                    .as("deliveries of %s", event.trackNumber()).isEqualTo(users));
            assertThat(counting.batchLookups()).as("first subscribers read per batch, not per event").isPositive();
            assertThat(counting.largestPage()).isLessThanOrEqualTo(PAGE_SIZE);
        }
    }

    @Test
    void commitsBatchesWithNobodyToNotifyWithoutATransactionAndNeverNotifiesTwice() throws Exception {
        List<ParcelEvent> unfollowed = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            Parcel parcel = Fixtures.parcel(Fixtures.newId());
            database.insertParcel(parcel);
            unfollowed.add(Fixtures.event(parcel.trackNumber(),
                    Fixtures.checkpoint(Fixtures.T0.plusSeconds(p), ParcelStatus.IN_TRANSIT)));
        }
        Parcel followedParcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(followedParcel);
        Set<TelegramId> followers = Set.of(Fixtures.newId(), Fixtures.newId());
        followers.forEach(user -> database.addSubscription(user, followedParcel.trackNumber()));
        ParcelEvent first = Fixtures.event(followedParcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(100), ParcelStatus.IN_TRANSIT));
        ParcelEvent second = Fixtures.event(followedParcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(200), ParcelStatus.DELIVERED));
        FanOutConsumerSettings settings = TestSettings.fanOut(broker, events, deliveries.name());
        String group = settings.consumer().groupId();

        try (KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
                TopicReader reader = new TopicReader(broker, deliveries.name());
                TopicReader eventsRead = new TopicReader(broker, events.name());
                Admin admin = broker.admin()) {
            ParcelEventFanOutConsumer fanOut = new ParcelEventFanOutConsumer(settings,
                    through -> new NotificationFanOutService(database, through, PAGE_SIZE)).start();
            try {
                publisher.publishEvents(unfollowed.subList(0, 15));
                awaitCommittedPastEveryEvent(admin, group, eventsRead, 15);
                assertThat(transactionState(admin, settings.transactionalId()))
                        .as("nothing produced, so no transaction reached the broker: its id is unknown there")
                        .isEmpty();

                publisher.publishEvents(List.of(first));
                assertThat(reader.awaitRecords(followers.size(), Duration.ofSeconds(60))).hasSize(followers.size());
                awaitCommittedPastEveryEvent(admin, group, eventsRead, 16);
                assertThat(transactionState(admin, settings.transactionalId())).contains(TransactionState.COMPLETE_COMMIT);

                // Plain commits right after a transactional one: the newer offsets must win.
                publisher.publishEvents(unfollowed.subList(15, 30));
                awaitCommittedPastEveryEvent(admin, group, eventsRead, 31);
            } finally {
                assertThat(fanOut.stop(Duration.ofSeconds(30))).isTrue();
            }

            // A new member of the group starts from the committed offsets: only the second event is new to it.
            ParcelEventFanOutConsumer restarted = new ParcelEventFanOutConsumer(settings,
                    through -> new NotificationFanOutService(database, through, PAGE_SIZE)).start();
            try {
                publisher.publishEvents(List.of(second));
                assertThat(reader.awaitRecords(2 * followers.size(), Duration.ofSeconds(60))).hasSize(2 * followers.size());
                awaitCommittedPastEveryEvent(admin, group, eventsRead, 32);
            } finally {
                assertThat(restarted.stop(Duration.ofSeconds(30))).isTrue();
            }

            List<Delivery> emitted = deliveriesIn(reader.readToEnd(Duration.ofSeconds(30)));
            assertThat(emitted.stream().map(Delivery::id).toList()).containsExactlyInAnyOrderElementsOf(
                    Stream.of(first, second).flatMap(event -> followers.stream().map(user -> DeliveryId.of(event.id(), user)))
                            .toList());
        }
    }

    @Test
    void aFanOutThatFailsHalfwayCommitsNothingAndIsHandledAgainOnce() throws Exception {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        Set<TelegramId> subscribers = new HashSet<>();
        for (int i = 0; i < 3 * PAGE_SIZE; i++) {
            TelegramId user = Fixtures.newId();
            database.addSubscription(user, parcel.trackNumber());
            subscribers.add(user);
        }
        ParcelEvent event = Fixtures.event(parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));
        FanOutConsumerSettings settings = TestSettings.fanOut(broker, events, deliveries.name());

        try (KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
                TopicReader reader = new TopicReader(broker, deliveries.name());
                TopicReader eventsRead = new TopicReader(broker, events.name());
                Admin admin = broker.admin()) {
            FailingOnceItsFirstPageIsOnTheBroker store = new FailingOnceItsFirstPageIsOnTheBroker(admin);
            ParcelEventFanOutConsumer fanOut = new ParcelEventFanOutConsumer(settings,
                    through -> new NotificationFanOutService(store, through, PAGE_SIZE)).start();
            try {
                publisher.publishEvents(List.of(event));
                assertThat(reader.awaitRecords(subscribers.size(), Duration.ofSeconds(60))).hasSize(subscribers.size());
                awaitCommittedPastEveryEvent(admin, settings.consumer().groupId(), eventsRead, 1);
            } finally {
                assertThat(fanOut.stop(Duration.ofSeconds(30))).isTrue();
            }

            assertThat(store.failedWithItsFirstPageOnTheBroker())
                    .as("the first attempt failed once its first page was written to the topic").isTrue();
            // That page, written in the aborted transaction, is not there for a read_committed
            // reader: each subscriber's delivery once, from the attempt that committed.
            List<Delivery> emitted = deliveriesIn(reader.readToEnd(Duration.ofSeconds(30)));
            assertThat(emitted).hasSize(subscribers.size());
            assertThat(emitted.stream().map(Delivery::id).collect(Collectors.toSet()))
                    .isEqualTo(subscribers.stream().map(user -> DeliveryId.of(event.id(), user)).collect(Collectors.toSet()));
        }
    }

    /**
     * Reads subscribers from the test's database, but the first attempt's third read fails, as an
     * unavailable database would. The fan-out reads each next page before it publishes the one it
     * has, so by the third read its first page is in the batch's transaction; the read waits until
     * those records are on the deliveries topic (its end offsets count uncommitted records) first.
     */
    private final class FailingOnceItsFirstPageIsOnTheBroker extends ForwardingSubscriptionStore {
        private final Admin admin;
        private int laterReads;
        private boolean failedWithFirstPageOnTheBroker;

        FailingOnceItsFirstPageIsOnTheBroker(Admin admin) {
            super(database);
            this.admin = admin;
        }

        synchronized boolean failedWithItsFirstPageOnTheBroker() {
            return failedWithFirstPageOnTheBroker;
        }

        @Override
        public synchronized List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
            if (afterUserId > 0 && ++laterReads == 2) {
                failedWithFirstPageOnTheBroker = awaitRecordsOnDeliveries(PAGE_SIZE);
                throw new UnavailableException("the subscriber store went away (test)", null);
            }
            return super.findSubscribers(trackNumber, afterUserId, limit);
        }

        private boolean awaitRecordsOnDeliveries(long records) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int partition = 0; partition < deliveries.partitions(); partition++) {
                ends.put(new TopicPartition(deliveries.name(), partition), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    long written = admin.listOffsets(ends).all().get().values().stream()
                            .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
                    if (written >= records) {
                        return true;
                    }
                    Thread.sleep(20);
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not read the deliveries topic's end offsets", e.getCause());
            }
        }
    }

    /** Waits until the group's committed offsets are past each of the first {@code events} events on the topic. */
    private static void awaitCommittedPastEveryEvent(Admin admin, String group, TopicReader eventsRead, int events)
            throws Exception {
        Map<TopicPartition, Long> expected = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : eventsRead.awaitRecords(events, Duration.ofSeconds(30))) {
            expected.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).as("events on the topic").isPositive();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<TopicPartition, Long> committed;
        do {
            committed = new HashMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet()) {
                if (entry.getValue() != null) {
                    committed.put(entry.getKey(), entry.getValue().offset());
                }
            }
            if (committed.equals(expected)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(committed).as("offsets committed by %s", group).isEqualTo(expected);
    }

    /** The state of the transactional id on the broker; empty if no producer ever registered it. */
    private static Optional<TransactionState> transactionState(Admin admin, String transactionalId) throws Exception {
        try {
            return Optional.of(admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get().state());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static List<Delivery> deliveriesIn(List<ConsumerRecord<byte[], byte[]>> records) throws UnreadableMessageException {
        List<Delivery> read = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read.add(BrokerMessageFormat.readDelivery(record.value()));
        }
        return read;
    }
}
