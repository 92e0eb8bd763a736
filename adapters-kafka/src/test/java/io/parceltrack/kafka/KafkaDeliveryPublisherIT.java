package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.DeliveryPublisherContract;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.kafka.testing.TopicReader;
import io.parceltrack.port.out.DeliveryPublisher;
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
class KafkaDeliveryPublisherIT extends DeliveryPublisherContract {
    private final KafkaDeliveryPublisher publisher;
    private final TopicReader reader;

    KafkaDeliveryPublisherIT(KafkaTestBroker broker) {
        String topic = "notification-deliveries-" + UUID.randomUUID();
        broker.createTopic(topic, 3);
        publisher = new KafkaDeliveryPublisher(new DeliveryPublisherSettings(broker.clientSettings(), topic, "test-deliveries"));
        reader = new TopicReader(broker, topic);
    }

    @AfterEach
    void close() {
        publisher.close();
        reader.close();
    }

    @Override
    protected DeliveryPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<Delivery> receivedDeliveries(int atLeast, Duration timeout) throws Exception {
        List<Delivery> deliveries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : reader.awaitRecords(atLeast, timeout)) {
            Delivery delivery = BrokerMessageFormat.readDelivery(record.value());
            // The key routes a person's deliveries to one partition: it must be the recipient's id.
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(delivery.recipient().toString());
            deliveries.add(delivery);
        }
        return deliveries;
    }
}
