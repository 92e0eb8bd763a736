package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.ParcelEventPublisherContract;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The publisher contract against a real broker; each test gets a topic of its own. */
@ExtendWith(KafkaTestBrokerExtension.class)
class KafkaParcelEventPublisherIT extends ParcelEventPublisherContract {
    private final KafkaParcelEventPublisher publisher;
    private final TopicReader reader;

    KafkaParcelEventPublisherIT(KafkaTestBroker broker) {
        String topic = "parcel-events-" + UUID.randomUUID();
        broker.createTopic(topic, 3);
        publisher = new KafkaParcelEventPublisher(TestSettings.relay(broker, topic));
        reader = new TopicReader(broker, topic);
    }

    @AfterEach
    void close() {
        publisher.close();
        reader.close();
    }

    @Override
    protected ParcelEventPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<ParcelEvent> receivedEvents(int atLeast, Duration timeout) throws Exception {
        List<ParcelEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : reader.awaitRecords(atLeast, timeout)) {
            ParcelEvent event = BrokerMessageFormat.readEvent(record.value());
            // The key routes a parcel's events to one partition: it must be the track number.
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.trackNumber().value());
            events.add(event);
        }
        return events;
    }
}
