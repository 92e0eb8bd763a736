package io.parceltrack.kafka;

import java.util.Objects;

/**
 * The notification service's webhook consumer: its own group on {@code parcel-events}, apart from
 * the fan-out's, so that neither waits for the other.
 *
 * @param events the topic of parcel events it consumes (and where their dead letters go)
 */
public record WebhookConsumerSettings(KafkaClientSettings client, ConsumerSettings consumer, TopicSettings events) {

    public WebhookConsumerSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(events, "events");
    }

    /** Group {@code webhooks} on {@code parcel-events}, 100 events a batch. */
    public static WebhookConsumerSettings defaults(KafkaClientSettings client) {
        return new WebhookConsumerSettings(client,
                ConsumerSettings.defaults("webhooks", "parceltrack-webhooks", 100),
                TopicSettings.parcelEvents());
    }
}
