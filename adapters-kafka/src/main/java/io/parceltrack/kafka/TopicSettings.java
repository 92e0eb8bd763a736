package io.parceltrack.kafka;

import java.util.Objects;

/**
 * A topic we publish to or consume, with what {@link KafkaTopicCreator} needs to create it, and the
 * dead-letter topic where its consumers put records they cannot read.
 */
public record TopicSettings(String name, int partitions, short replicationFactor, String deadLetterTopic) {
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public TopicSettings {
        requireName(name, "name");
        requireName(deadLetterTopic, "deadLetterTopic");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be positive");
        }
        if (name.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("a topic cannot be its own dead-letter topic");
        }
    }

    /** {@code name} with its dead letters in {@code name.dlt}. */
    public static TopicSettings of(String name, int partitions, short replicationFactor) {
        return new TopicSettings(name, partitions, replicationFactor, name + DEAD_LETTER_SUFFIX);
    }

    /** Keyed by track number: partitions bound how many notification-service instances share the work. */
    public static TopicSettings parcelEvents() {
        return of("parcel-events", 6, (short) 1);
    }

    /** Keyed by user: partitions bound how many user-bot instances share the work. */
    public static TopicSettings notificationDeliveries() {
        return of("notification-deliveries", 12, (short) 1);
    }

    static void requireName(String name, String field) {
        Objects.requireNonNull(name, field);
        if (name.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
