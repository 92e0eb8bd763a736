package io.parceltrack.kafka;

import java.util.Objects;

/** Where a stand-alone {@link KafkaDeliveryPublisher} sends, and the client id it shows the broker. */
public record DeliveryPublisherSettings(KafkaClientSettings client, String topic, String clientId) {
    public DeliveryPublisherSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientId, "clientId");
        TopicSettings.requireName(topic, "topic");
    }

    public static DeliveryPublisherSettings defaults(KafkaClientSettings client) {
        return new DeliveryPublisherSettings(client, TopicSettings.notificationDeliveries().name(), "parceltrack-deliveries");
    }
}
