package io.parceltrack.kafka;

import static io.parceltrack.kafka.KafkaClientSettings.requirePositive;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The notification service's fan-out consumer.
 *
 * @param events the topic of parcel events it consumes (and where their dead letters go)
 * @param deliveriesTopic where it publishes one delivery per subscriber
 * @param transactionalId identifies this instance's transactional producer to the broker. Give each
 *     running instance its own id that stays the same across its restarts (a pod name, say): a
 *     restarted instance then aborts what its previous life left unfinished at once, rather than
 *     consumers of the deliveries waiting for {@code transactionTimeout} to pass. Two live instances
 *     must never share one: they would keep fencing each other off.
 * @param transactionTimeout how long the broker lets a transaction stay open before aborting it; a
 *     batch (up to {@code maxPollRecords} events times their subscribers) must fit in it
 */
public record FanOutConsumerSettings(
        KafkaClientSettings client,
        ConsumerSettings consumer,
        TopicSettings events,
        String deliveriesTopic,
        String transactionalId,
        Duration transactionTimeout) {

    public FanOutConsumerSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deliveriesTopic, "deliveriesTopic");
        Objects.requireNonNull(transactionalId, "transactionalId");
        if (transactionalId.isBlank()) {
            throw new IllegalArgumentException("transactionalId must not be blank");
        }
        requirePositive(transactionTimeout, "transactionTimeout");
    }

    /**
     * Group {@code notification-fan-out} on {@code parcel-events}, 20 events per transaction, and a
     * transactional id unique to this process (set a stable one per instance in production).
     */
    public static FanOutConsumerSettings defaults(KafkaClientSettings client) {
        return new FanOutConsumerSettings(client,
                ConsumerSettings.defaults("notification-fan-out", "parceltrack-fan-out", 20),
                TopicSettings.parcelEvents(),
                TopicSettings.notificationDeliveries().name(),
                "parceltrack-fan-out-" + UUID.randomUUID(),
                Duration.ofMinutes(1));
    }
}
