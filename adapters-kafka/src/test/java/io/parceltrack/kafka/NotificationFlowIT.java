package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.memory.InMemoryDeliveryClaimStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.service.NotificationFanOutService;
import io.parceltrack.service.OutboxRelayService;
import io.parceltrack.service.OutboxRelayWorker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole notification flow over the real broker: outbox relay → parcel-events → fan-out
 * consumer → notification-deliveries → delivery consumer → messenger.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class NotificationFlowIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final KafkaTestBroker broker;
    private final String suffix = UUID.randomUUID().toString();
    private final TopicSettings events = TopicSettings.of("parcel-events-" + suffix, 3, (short) 1);
    private final TopicSettings deliveries = TopicSettings.of("notification-deliveries-" + suffix, 4, (short) 1);
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final List<AutoCloseable> running = new ArrayList<>();
    private CountingDeliveries handled;

    NotificationFlowIT(KafkaTestBroker broker) {
        this.broker = broker;
        new KafkaTopicCreator(broker.clientSettings()).createMissing(List.of(events, deliveries));
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void notifiesEachSubscriberOnceWhenTheSameEventArrivesTwice() throws Exception {
        TrackNumber parcel = newParcel();
        Set<TelegramId> subscribers = subscribe(parcel, 50);
        startConsumers(messenger);
        ParcelEvent event = Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT));

        KafkaParcelEventPublisher publisher = eventPublisher();
        publisher.publishEvents(List.of(event));
        publisher.publishEvents(List.of(event));

        // Both copies were fanned out and reached the delivery side (a retried batch may add more)...
        assertThat(handled.awaitHandled(2 * subscribers.size(), PATIENCE)).isGreaterThanOrEqualTo(2 * subscribers.size());
        assertThat(handled.count(DeliveryOutcome.DUPLICATE)).isGreaterThanOrEqualTo(subscribers.size());
        // ...and yet each person was notified once.
        assertThat(messenger.sent()).hasSize(subscribers.size());
        assertThat(recipients(messenger.sent())).isEqualTo(subscribers);
    }

    @Test
    void losesAndRepeatsNothingWhenTheBrokerRestartsMidStream() throws Exception {
        List<TrackNumber> parcels = List.of(newParcel(), newParcel(), newParcel(), newParcel());
        Map<TrackNumber, Set<TelegramId>> subscribers = new ConcurrentHashMap<>();
        for (TrackNumber parcel : parcels) {
            subscribers.put(parcel, subscribe(parcel, 40));
        }
        startConsumers(messenger);
        OutboxRelayWorker relay = new OutboxRelayWorker(new OutboxRelayService(database, eventPublisher(), 50),
                Duration.ofMillis(50), Duration.ofSeconds(1));
        running.add(relay);
        relay.start();
        List<ParcelEvent> recorded = new ArrayList<>();

        recorded.addAll(recordCheckpoints(parcels, 0, 10));
        messenger.awaitSent(100, PATIENCE);
        broker.stop();
        try {
            recorded.addAll(recordCheckpoints(parcels, 10, 15));
        } finally {
            broker.start();
        }
        recorded.addAll(recordCheckpoints(parcels, 15, 20));

        Set<DeliveryId> expected = recorded.stream()
                .flatMap(event -> subscribers.get(event.trackNumber()).stream().map(user -> DeliveryId.of(event.id(), user)))
                .collect(Collectors.toSet());
        messenger.awaitSent(expected.size(), PATIENCE);
        int onTheTopic = everyDeliveryOnTheTopicOnceTheFanOutStopped();
        assertThat(handled.awaitHandled(onTheTopic, PATIENCE)).isGreaterThanOrEqualTo(onTheTopic);

        List<Delivery> sent = messenger.sent();
        assertThat(sent).hasSize(expected.size());
        assertThat(sent.stream().map(Delivery::id).collect(Collectors.toSet())).isEqualTo(expected);
        // Each person hears of a parcel's checkpoints in the order they were recorded.
        for (TrackNumber parcel : parcels) {
            List<EventId> order = recorded.stream().filter(e -> e.trackNumber().equals(parcel)).map(ParcelEvent::id).toList();
            for (TelegramId user : subscribers.get(parcel)) {
                assertThat(messenger.sentTo(user).stream().map(Delivery::id).toList())
                        .containsExactlyElementsOf(order.stream().map(event -> DeliveryId.of(event, user)).toList());
            }
        }
    }

    @Test
    void deadLettersUnreadableRecordsWithTheReasonAndKeepsGoing() throws Exception {
        TrackNumber parcel = newParcel();
        Set<TelegramId> subscribers = subscribe(parcel, 3);
        startConsumers(messenger);
        ParcelEvent event = Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT));
        Delivery direct = Delivery.of(event, Fixtures.newId());
        byte[] parcelKey = parcel.value().getBytes(StandardCharsets.UTF_8);
        byte[] badTrackNumber = ProtoMapping.toProto(event).toBuilder()
                .setTrackNumber("not a track number").build().toByteArray();

        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(broker.clientSettings().producerProperties("test-raw"))) {
            // Same key as the good event after them: same partition, so they stand in its way.
            raw.send(new ProducerRecord<>(events.name(), parcelKey, new byte[] {(byte) 0xff, 0x01, 0x02})).get();
            raw.send(new ProducerRecord<>(events.name(), parcelKey, badTrackNumber)).get();
            raw.send(new ProducerRecord<>(events.name(), parcelKey, BrokerMessageFormat.value(event))).get();
            raw.send(new ProducerRecord<>(deliveries.name(), BrokerMessageFormat.key(direct), "garbage".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(deliveries.name(), BrokerMessageFormat.key(direct), BrokerMessageFormat.value(direct))).get();
        }

        List<Delivery> sent = messenger.awaitSent(subscribers.size() + 1, PATIENCE);
        assertThat(recipients(sent)).containsExactlyInAnyOrderElementsOf(union(subscribers, direct.recipient()));

        try (TopicReader eventLetters = new TopicReader(broker, events.deadLetterTopic());
                TopicReader deliveryLetters = new TopicReader(broker, deliveries.deadLetterTopic())) {
            List<ConsumerRecord<byte[], byte[]>> badEvents = eventLetters.awaitRecords(2, PATIENCE);
            assertThat(badEvents).hasSize(2);
            assertThat(header(badEvents.get(0), DeadLetter.REASON)).startsWith("not a protobuf parceltrack.notification.Event");
            assertThat(header(badEvents.get(1), DeadLetter.REASON))
                    .startsWith("invalid parceltrack.notification.Event").contains("trackNumber");
            assertThat(badEvents.get(1).value()).isEqualTo(badTrackNumber);
            assertThat(badEvents.get(1).key()).isEqualTo(parcelKey);
            assertThat(header(badEvents.get(1), DeadLetter.SOURCE_TOPIC)).isEqualTo(events.name());
            assertThat(header(badEvents.get(1), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");

            List<ConsumerRecord<byte[], byte[]>> badDeliveries = deliveryLetters.awaitRecords(1, PATIENCE);
            assertThat(badDeliveries).hasSize(1);
            assertThat(new String(badDeliveries.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(header(badDeliveries.get(0), DeadLetter.REASON)).startsWith("not a protobuf parceltrack.notification.Delivery");
            assertThat(header(badDeliveries.get(0), DeadLetter.SOURCE_TOPIC)).isEqualTo(deliveries.name());
            assertThat(header(badDeliveries.get(0), DeadLetter.CONSUMER_GROUP)).isEqualTo("deliveries-" + suffix);
        }
    }

    @Test
    void handlesAFailedBatchAgainWithoutNotifyingAnyoneTwice() throws Exception {
        TrackNumber parcel = newParcel();
        Set<TelegramId> subscribers = subscribe(parcel, 30);
        TelegramId unlucky = subscribers.iterator().next();
        FailingFirstSends flaky = new FailingFirstSends(messenger, unlucky, 2);
        startConsumers(flaky);
        List<ParcelEvent> published = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            published.add(Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(step), ParcelStatus.IN_TRANSIT)));
        }

        eventPublisher().publishEvents(published);

        messenger.awaitSent(subscribers.size() * published.size(), PATIENCE);
        assertThat(flaky.failures()).isEqualTo(2);
        List<Delivery> sent = messenger.sent();
        assertThat(sent).hasSize(subscribers.size() * published.size());
        assertThat(sent.stream().map(Delivery::id).distinct()).hasSize(sent.size());
        assertThat(messenger.sentTo(unlucky).stream().map(Delivery::id).toList())
                .containsExactlyElementsOf(published.stream().map(event -> DeliveryId.of(event.id(), unlucky)).toList());
    }

    @Test
    void deadLettersADeliveryTheMessengerNeverAcceptsAndKeepsGoing() throws Exception {
        TrackNumber parcel = newParcel();
        Set<TelegramId> subscribers = subscribe(parcel, 5);
        TelegramId refused = subscribers.iterator().next();
        List<ParcelEvent> published = List.of(
                Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT)),
                Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(2), ParcelStatus.IN_TRANSIT)));
        DeliveryId poison = DeliveryId.of(published.get(0).id(), refused);
        AtomicInteger poisonAttempts = new AtomicInteger();
        startConsumers(delivery -> {
            if (delivery.id().equals(poison)) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("Telegram refused the message: Bad Request");
            }
            return messenger.sendNotification(delivery);
        });

        eventPublisher().publishEvents(published);

        // Everyone else gets both notifications; the refused person still gets the second one.
        List<Delivery> sent = messenger.awaitSent(subscribers.size() * 2 - 1, PATIENCE);
        assertThat(sent).hasSize(subscribers.size() * 2 - 1);
        assertThat(sent).extracting(Delivery::id).doesNotContain(poison).doesNotHaveDuplicates();
        assertThat(messenger.sentTo(refused)).extracting(Delivery::id)
                .containsExactly(DeliveryId.of(published.get(1).id(), refused));
        try (TopicReader letters = new TopicReader(broker, deliveries.deadLetterTopic())) {
            List<ConsumerRecord<byte[], byte[]>> parked = letters.awaitRecords(1, PATIENCE);
            assertThat(parked).hasSize(1);
            assertThat(BrokerMessageFormat.readDelivery(parked.get(0).value()).id()).isEqualTo(poison);
            assertThat(header(parked.get(0), DeadLetter.REASON))
                    .startsWith("sending failed " + NotificationDeliveryConsumer.MAX_SEND_ATTEMPTS + " times")
                    .contains("Bad Request");
        }
        assertThat(poisonAttempts).hasValue(NotificationDeliveryConsumer.MAX_SEND_ATTEMPTS);
    }

    // --- the pipeline

    private void startConsumers(Messenger messengerToUse) {
        handled = new CountingDeliveries(new NotificationDeliveryService(new InMemoryDeliveryClaimStore(),
                messengerToUse, Clock.systemUTC(), "user-bot-0", Duration.ofSeconds(60)));
        Function<DeliveryPublisher, FanOutParcelEventUseCase> fanOut =
                publisher -> new NotificationFanOutService(database, publisher, 7);
        running.add(new ParcelEventFanOutConsumer(TestSettings.fanOut(broker, events, deliveries.name()), fanOut).start());
        running.add(new NotificationDeliveryConsumer(new DeliveryConsumerSettings(broker.clientSettings(),
                TestSettings.consumer("deliveries-" + suffix), deliveries, 4), handled).start());
    }

    private KafkaParcelEventPublisher eventPublisher() {
        KafkaParcelEventPublisher publisher =
                new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
        running.add(publisher);
        return publisher;
    }

    /** Stops the fan-out (finishing its batch) and counts every delivery it committed to the topic. */
    private int everyDeliveryOnTheTopicOnceTheFanOutStopped() throws Exception {
        for (AutoCloseable component : running) {
            if (component instanceof ParcelEventFanOutConsumer fanOut) {
                assertThat(fanOut.stop(Duration.ofSeconds(30))).isTrue();
            }
        }
        try (TopicReader reader = new TopicReader(broker, deliveries.name())) {
            return reader.readToEnd(PATIENCE).size();
        }
    }

    // --- data

    private TrackNumber newParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        return parcel.trackNumber();
    }

    private Set<TelegramId> subscribe(TrackNumber parcel, int count) {
        Set<TelegramId> users = new HashSet<>();
        for (int i = 0; i < count; i++) {
            TelegramId user = Fixtures.newId();
            database.addSubscription(user, parcel);
            users.add(user);
        }
        return users;
    }

    private List<ParcelEvent> recordCheckpoints(List<TrackNumber> parcels, int from, int to) {
        List<ParcelEvent> recorded = new ArrayList<>();
        for (int step = from; step < to; step++) {
            for (TrackNumber parcel : parcels) {
                var checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(step), ParcelStatus.IN_TRANSIT);
                recorded.add(database.recordCheckpoint(parcel, current -> Fixtures.recordFor(current, checkpoint))
                        .orElseThrow().event());
            }
        }
        return recorded;
    }

    private static Set<TelegramId> recipients(List<Delivery> sent) {
        return sent.stream().map(Delivery::recipient).collect(Collectors.toSet());
    }

    private static Set<TelegramId> union(Set<TelegramId> users, TelegramId another) {
        Set<TelegramId> all = new HashSet<>(users);
        all.add(another);
        return all;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Fails the first {@code failures} sends to one person, as a messenger outage would. */
    private static final class FailingFirstSends implements Messenger {
        private final Messenger messenger;
        private final TelegramId unlucky;
        private int failuresLeft;
        private int failures;

        FailingFirstSends(Messenger messenger, TelegramId unlucky, int failures) {
            this.messenger = messenger;
            this.unlucky = unlucky;
            this.failuresLeft = failures;
        }

        @Override
        public SendResult sendNotification(Delivery delivery) {
            synchronized (this) {
                if (delivery.recipient().equals(unlucky) && failuresLeft > 0) {
                    failuresLeft--;
                    failures++;
                    throw new UnavailableException("the messenger is unreachable", null);
                }
            }
            return messenger.sendNotification(delivery);
        }

        synchronized int failures() {
            return failures;
        }
    }
}
