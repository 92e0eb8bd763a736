package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.PublishException;
import io.parceltrack.service.OutboxRelayService;
import io.parceltrack.service.OutboxRelayWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox relay is the ports' relay service and worker with the Kafka publisher plugged in; the
 * outbox here is the in-memory database (PostgreSQL's implements the same port).
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class OutboxRelayThroughBrokerOutageIT {
    private final KafkaTestBroker broker;
    private final String topic = "parcel-events-" + UUID.randomUUID();
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final List<ParcelEvent> recorded = new ArrayList<>();

    OutboxRelayThroughBrokerOutageIT(KafkaTestBroker broker) {
        this.broker = broker;
        broker.createTopic(topic, 3);
    }

    @Test
    void delaysEventsWhileTheBrokerIsDownAndLosesNone() throws Exception {
        List<TrackNumber> parcels = List.of(newParcel(), newParcel(), newParcel());
        try (KafkaParcelEventPublisher publisher =
                        new KafkaParcelEventPublisher(TestSettings.relay(broker, topic));
                TopicReader reader = new TopicReader(broker, topic)) {
            OutboxRelayService relay = new OutboxRelayService(database, publisher, 4);
            recordCheckpoints(parcels, 0, 2);
            assertThat(relay.relayPending()).isEqualTo(6);

            broker.stop();
            try {
                recordCheckpoints(parcels, 2, 4);
                assertThatThrownBy(relay::relayPending).isInstanceOf(PublishException.class);
                try (OutboxRelayWorker worker = new OutboxRelayWorker(relay, Duration.ofMillis(100), Duration.ofSeconds(1))) {
                    worker.start();
                    recordCheckpoints(parcels, 4, 5);
                    broker.start();

                    List<ParcelEvent> received = events(reader.awaitRecords(
                            this::containsAllRecorded, Duration.ofSeconds(60)));

                    assertThat(new LinkedHashSet<>(received)).containsExactlyInAnyOrderElementsOf(recorded);
                    for (TrackNumber parcel : parcels) {
                        assertThat(firstCopies(received, parcel)).containsExactlyElementsOf(ofParcel(recorded, parcel));
                    }
                }
            } finally {
                broker.start();
            }
            assertThat(relay.relayPending()).as("left in the outbox").isZero();
        }
    }

    private TrackNumber newParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        return parcel.trackNumber();
    }

    /** Steps {@code from} (inclusive) to {@code to} of each parcel, interleaved across parcels. */
    private void recordCheckpoints(List<TrackNumber> parcels, int from, int to) {
        for (int step = from; step < to; step++) {
            for (TrackNumber parcel : parcels) {
                var checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(step), ParcelStatus.IN_TRANSIT);
                recorded.add(database.recordCheckpoint(parcel, current -> Fixtures.recordFor(current, checkpoint))
                        .orElseThrow().event());
            }
        }
    }

    private boolean containsAllRecorded(List<ConsumerRecord<byte[], byte[]>> records) {
        try {
            return new LinkedHashSet<>(events(records)).containsAll(recorded);
        } catch (UnreadableMessageException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ParcelEvent> events(List<ConsumerRecord<byte[], byte[]>> records) throws UnreadableMessageException {
        List<ParcelEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            events.add(BrokerMessageFormat.readEvent(record.value()));
        }
        return events;
    }

    /** At-least-once may repeat an event after a failed attempt; what counts is that the first copies keep the order. */
    private static List<EventId> firstCopies(List<ParcelEvent> received, TrackNumber parcel) {
        return List.copyOf(new LinkedHashSet<>(ofParcel(received, parcel)));
    }

    private static List<EventId> ofParcel(List<ParcelEvent> events, TrackNumber parcel) {
        return events.stream().filter(e -> e.trackNumber().equals(parcel)).map(ParcelEvent::id).toList();
    }
}
