package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryDeliveryClaimStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.service.NotificationFanOutService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A checkpoint's trace crosses the broker twice: the relay writes the event's traceparent into the
 * parcel-events record, the fan-out continues it and writes it into each delivery record, and the
 * delivery is sent within it. A record with a forged header is handled outside any trace.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class TraceThroughBrokerIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String REQUEST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final KafkaTestBroker broker;
    private final String suffix = UUID.randomUUID().toString();
    private final TopicSettings events = TopicSettings.of("parcel-events-" + suffix, 2, (short) 1);
    private final TopicSettings deliveries = TopicSettings.of("notification-deliveries-" + suffix, 2, (short) 1);
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final RecordingMessenger messenger = new RecordingMessenger();
    /** The trace each recipient's notification was sent within (empty: none). */
    private final Map<TelegramId, Optional<TraceContext>> sentWithin = new ConcurrentHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();

    TraceThroughBrokerIT(KafkaTestBroker broker) {
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
    void eachDeliveryIsSentWithinTheTraceOfItsEvent() throws Exception {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        TelegramId first = subscribe(parcel);
        TelegramId second = subscribe(parcel);
        startConsumers();
        ParcelEvent event = Fixtures.event(parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT)).withTrace(REQUEST);
        KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, events.name()));
        running.add(publisher);

        publisher.publishEvents(List.of(event));

        messenger.awaitSent(2, PATIENCE);
        try (TopicReader reader = new TopicReader(broker, events.name())) {
            assertThat(traceparentOf(reader.awaitRecords(1, PATIENCE).get(0))).isEqualTo(REQUEST);
        }
        List<ConsumerRecord<byte[], byte[]>> deliveryRecords;
        try (TopicReader reader = new TopicReader(broker, deliveries.name())) {
            deliveryRecords = reader.awaitRecords(2, PATIENCE);
        }
        TraceContext request = TraceContext.parse(REQUEST).orElseThrow();
        for (ConsumerRecord<byte[], byte[]> record : deliveryRecords) {
            TraceContext fanOut = TraceContext.parse(traceparentOf(record)).orElseThrow();
            assertThat(fanOut.traceId()).isEqualTo(request.traceId());
            assertThat(fanOut.spanId()).isNotEqualTo(request.spanId());
        }
        for (TelegramId recipient : List.of(first, second)) {
            TraceContext send = sentWithin.get(recipient).orElseThrow();
            assertThat(send.traceId()).isEqualTo(request.traceId());
        }
    }

    @Test
    void aForgedTraceHeaderIsNotContinued() throws Exception {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        TelegramId recipient = subscribe(parcel);
        startConsumers();
        ParcelEvent event = Fixtures.event(parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT));

        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(broker.clientSettings().producerProperties("test-raw"))) {
            ProducerRecord<byte[], byte[]> record =
                    new ProducerRecord<>(events.name(), BrokerMessageFormat.key(event), BrokerMessageFormat.value(event));
            record.headers().add(TraceContext.HEADER, ("00-" + "a".repeat(4000)).getBytes(StandardCharsets.US_ASCII));
            raw.send(record).get();
        }

        messenger.awaitSent(1, PATIENCE);
        assertThat(sentWithin.get(recipient)).isEmpty();
        try (TopicReader reader = new TopicReader(broker, deliveries.name())) {
            assertThat(reader.awaitRecords(1, PATIENCE).get(0).headers().lastHeader(TraceContext.HEADER)).isNull();
        }
    }

    private TelegramId subscribe(Parcel parcel) {
        TelegramId user = Fixtures.newId();
        database.addSubscription(user, parcel.trackNumber());
        return user;
    }

    private void startConsumers() {
        Messenger recordingTheTrace = delivery -> {
            sentWithin.put(delivery.recipient(), CurrentTrace.get());
            return messenger.sendNotification(delivery);
        };
        running.add(new ParcelEventFanOutConsumer(TestSettings.fanOut(broker, events, deliveries.name()),
                publisher -> new NotificationFanOutService(database, publisher, 7)).start());
        running.add(new NotificationDeliveryConsumer(new DeliveryConsumerSettings(broker.clientSettings(),
                TestSettings.consumer("deliveries-" + suffix), deliveries, 2),
                new NotificationDeliveryService(new InMemoryDeliveryClaimStore(), recordingTheTrace, Clock.systemUTC(),
                        "user-bot-0", Duration.ofSeconds(60)))
                .start());
    }

    private static String traceparentOf(ConsumerRecord<byte[], byte[]> record) {
        assertThat(record.headers().lastHeader(TraceContext.HEADER)).as("traceparent header").isNotNull();
        return new String(record.headers().lastHeader(TraceContext.HEADER).value(), StandardCharsets.US_ASCII);
    }
}
