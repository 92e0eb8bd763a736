package io.parceltrack.kafka;

import static io.parceltrack.kafka.KafkaClientSettings.requirePositive;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The outbox relay's publisher.
 *
 * @param transactionalId identifies the relay's transactional producer. As with the fan-out: one
 *     per running instance, stable across its restarts, never shared by two live instances.
 * @param transactionTimeout how long the broker keeps a transaction of a crashed relay open
 *     before aborting it; until then, {@code read_committed} consumers of the partitions it wrote
 *     to wait
 */
public record ParcelEventPublisherSettings(
        KafkaClientSettings client, String topic, String clientId, String transactionalId, Duration transactionTimeout) {

    public ParcelEventPublisherSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientId, "clientId");
        TopicSettings.requireName(topic, "topic");
        TopicSettings.requireName(transactionalId, "transactionalId");
        requirePositive(transactionTimeout, "transactionTimeout");
    }

    /** To {@code parcel-events}, with a transactional id unique to this process (set a stable one per instance in production). */
    public static ParcelEventPublisherSettings defaults(KafkaClientSettings client) {
        return new ParcelEventPublisherSettings(client, TopicSettings.parcelEvents().name(), "parceltrack-outbox-relay",
                "parceltrack-outbox-relay-" + UUID.randomUUID(), Duration.ofMinutes(1));
    }
}
