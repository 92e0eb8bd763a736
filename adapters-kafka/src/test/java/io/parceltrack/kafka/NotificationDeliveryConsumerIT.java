package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.ProcessedMessageStore;
import io.parceltrack.service.NotificationDeliveryService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBrokerExtension.class)
class NotificationDeliveryConsumerIT {
    private final KafkaTestBroker broker;
    private final TopicSettings deliveries = TopicSettings.of("notification-deliveries-" + UUID.randomUUID(), 1, (short) 1);
    private final DeliveryConsumerSettings settings;
    private final ProcessedMessageStore processed = new InMemoryProcessedMessageStore();
    private final RecordingMessenger messenger = new RecordingMessenger();

    NotificationDeliveryConsumerIT(KafkaTestBroker broker) {
        this.broker = broker;
        new KafkaTopicCreator(broker.clientSettings()).createMissing(List.of(deliveries));
        settings = new DeliveryConsumerSettings(broker.clientSettings(),
                TestSettings.consumer("deliveries-" + UUID.randomUUID()), deliveries, 4);
    }

    @Test
    void stopFinishesAndCommitsTheBatchInProgress() throws Exception {
        TelegramId anna = Fixtures.newId();
        try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(
                new DeliveryPublisherSettings(broker.clientSettings(), deliveries.name(), "test-deliveries"))) {
            publisher.publishDeliveries(deliveriesTo(anna, 5));
            HeldFirstSend held = new HeldFirstSend(messenger);
            CountingDeliveries first = counting(held);
            NotificationDeliveryConsumer consumer = new NotificationDeliveryConsumer(settings, first).start();
            assertThat(held.sending.await(60, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> stopped = new CompletableFuture<>();
            Thread stopping = new Thread(() -> stopped.complete(stop(consumer)), "stopping");
            stopping.start();
            awaitWaitingForTheLoop(stopping);
            held.release.countDown();

            assertThat(stopped.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.count(DeliveryOutcome.SENT)).isEqualTo(5);

            // A successor in the group starts after what was committed: nothing of the batch again.
            CountingDeliveries second = counting(messenger);
            try (NotificationDeliveryConsumer successor = new NotificationDeliveryConsumer(settings, second).start()) {
                publisher.publishDeliveries(deliveriesTo(anna, 1));
                assertThat(second.awaitHandled(1, Duration.ofSeconds(60))).isEqualTo(1);
            }
            assertThat(second.count(DeliveryOutcome.DUPLICATE)).isZero();
            assertThat(messenger.sentTo(anna)).hasSize(6);
        }
    }

    @Test
    void forgedDeliveriesAreDeadLetteredWithTheReasonAndNeverSent() throws Exception {
        TelegramId anna = Fixtures.newId();
        TelegramId mallory = Fixtures.newId();
        Delivery genuine = deliveriesTo(anna, 1).get(0);
        io.parceltrack.proto.notification.Delivery proto = ProtoMapping.toProto(genuine);
        // Someone who can write the topic readdresses a genuine delivery, invents an id, drops the event.
        List<byte[]> forged = List.of(
                proto.toBuilder().setUserTelegramId(mallory.value()).build().toByteArray(),
                proto.toBuilder().setDeliveryId(UUID.randomUUID().toString()).build().toByteArray(),
                proto.toBuilder().clearEventId().build().toByteArray());
        byte[] key = mallory.toString().getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(broker.clientSettings().producerProperties("test-forger"))) {
            for (byte[] value : forged) {
                raw.send(new ProducerRecord<>(deliveries.name(), key, value)).get();
            }
            // Behind the forgeries, in the same partition: it must still go out.
            raw.send(new ProducerRecord<>(deliveries.name(), key, BrokerMessageFormat.value(genuine))).get();
        }
        CountingDeliveries handled = counting(messenger);
        try (NotificationDeliveryConsumer consumer = new NotificationDeliveryConsumer(settings, handled).start();
                TopicReader letters = new TopicReader(broker, deliveries.deadLetterTopic())) {
            assertThat(handled.awaitHandled(1, Duration.ofSeconds(60))).isEqualTo(1);
            List<ConsumerRecord<byte[], byte[]>> refused = letters.awaitRecords(3, Duration.ofSeconds(60));

            assertThat(refused).hasSize(3);
            assertThat(refused).extracting(ConsumerRecord::value).containsExactlyElementsOf(forged);
            assertThat(reason(refused.get(0))).contains("deliveryId").contains("does not derive from eventId and userTelegramId");
            assertThat(reason(refused.get(1))).contains("does not derive from eventId and userTelegramId");
            assertThat(reason(refused.get(2))).contains("eventId");
        }
        assertThat(handled.count(DeliveryOutcome.SENT)).isEqualTo(1);
        assertThat(messenger.sentTo(anna)).containsExactly(genuine);
        assertThat(messenger.sentTo(mallory)).isEmpty();
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetter.REASON).value(), StandardCharsets.UTF_8);
    }

    private CountingDeliveries counting(Messenger sender) {
        return new CountingDeliveries(new NotificationDeliveryService(processed, sender, Clock.systemUTC()));
    }

    private static List<Delivery> deliveriesTo(TelegramId user, int count) {
        TrackNumber parcel = Fixtures.newTrackNumber();
        List<Delivery> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ParcelEvent event = Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(i), ParcelStatus.IN_TRANSIT));
            list.add(Delivery.of(event, user));
        }
        return list;
    }

    private static boolean stop(NotificationDeliveryConsumer consumer) {
        try {
            return consumer.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code stop} asks the loop to end, then waits for it: once it waits, the request was made. */
    private static void awaitWaitingForTheLoop(Thread stopping) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stopping.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stopping.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }

    /** Holds the first send until released, so that a stop can arrive while a batch is in progress. */
    private static final class HeldFirstSend implements Messenger {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Messenger messenger;

        HeldFirstSend(Messenger messenger) {
            this.messenger = messenger;
        }

        @Override
        public SendResult sendNotification(Delivery delivery) {
            sending.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return messenger.sendNotification(delivery);
        }
    }
}
