package io.parceltrack.kafka;

import java.util.Objects;

/**
 * The user bot's delivery consumer.
 *
 * @param deliveries the topic of deliveries it consumes (and where their dead letters go)
 * @param parallelRecipients how many people's notifications are sent at the same time. The
 *     messenger paces each chat (Telegram allows about one message per second per chat), so a
 *     batch is worked through person by person in parallel, each person's in order.
 */
public record DeliveryConsumerSettings(
        KafkaClientSettings client, ConsumerSettings consumer, TopicSettings deliveries, int parallelRecipients) {

    public DeliveryConsumerSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(deliveries, "deliveries");
        if (parallelRecipients < 1) {
            throw new IllegalArgumentException("parallelRecipients must be positive");
        }
    }

    /**
     * Group {@code user-bot-deliveries} on {@code notification-deliveries}, 100 deliveries a batch,
     * 16 people at a time.
     */
    public static DeliveryConsumerSettings defaults(KafkaClientSettings client) {
        return new DeliveryConsumerSettings(client,
                ConsumerSettings.defaults("user-bot-deliveries", "parceltrack-user-bot", 100),
                TopicSettings.notificationDeliveries(),
                16);
    }
}
