package io.parceltrack.kafka;

import io.parceltrack.kafka.testing.KafkaTestBroker;
import java.time.Duration;
import java.util.UUID;

/** Settings for components under test: their own names, short polls and quick retries. */
final class TestSettings {
    private TestSettings() {}

    static ConsumerSettings consumer(String groupId) {
        return new ConsumerSettings(groupId, groupId, 20, Duration.ofMillis(200), Duration.ofSeconds(60),
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    static ParcelEventPublisherSettings relay(KafkaTestBroker broker, String topic) {
        return new ParcelEventPublisherSettings(broker.clientSettings(), topic, "test-relay",
                "test-relay-" + UUID.randomUUID(), Duration.ofSeconds(30));
    }

    static FanOutConsumerSettings fanOut(KafkaTestBroker broker, TopicSettings events, String deliveriesTopic) {
        String name = "fan-out-" + UUID.randomUUID();
        return new FanOutConsumerSettings(broker.clientSettings(), consumer(name), events, deliveriesTopic, name,
                Duration.ofSeconds(30));
    }
}
