package io.parceltrack.kafka;

import java.util.Objects;

/** Where one of our publishers sends, and the client id it shows the broker (in its logs and quotas). */
public record PublisherSettings(KafkaClientSettings client, String topic, String clientId) {
    public PublisherSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }

    /** The outbox relay's publisher to {@code parcel-events}. */
    public static PublisherSettings parcelEvents(KafkaClientSettings client) {
        return new PublisherSettings(client, TopicSettings.parcelEvents().name(), "parceltrack-outbox-relay");
    }

    /** A stand-alone publisher to {@code notification-deliveries}. */
    public static PublisherSettings notificationDeliveries(KafkaClientSettings client) {
        return new PublisherSettings(client, TopicSettings.notificationDeliveries().name(), "parceltrack-deliveries");
    }
}
