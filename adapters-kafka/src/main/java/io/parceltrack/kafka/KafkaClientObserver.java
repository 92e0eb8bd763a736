package io.parceltrack.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.LoggerFactory;

/**
 * Told of each Kafka client this adapter opens and of each record it dead-letters: how metrics
 * reach the clients' own metrics (consumer lag among them) without this adapter knowing a metrics
 * library. What {@code consumerOpened} and {@code producerOpened} return is closed with the client.
 */
public interface KafkaClientObserver {
    KafkaClientObserver NONE = new KafkaClientObserver() {};

    default AutoCloseable consumerOpened(Consumer<?, ?> consumer) {
        return () -> {};
    }

    default AutoCloseable producerOpened(Producer<?, ?> producer) {
        return () -> {};
    }

    /** A record the consumer group {@code group} could not handle went to {@code deadLetterTopic}. */
    default void deadLettered(String deadLetterTopic, String group) {}

    /** Ends an observation; a failure is logged, never thrown: the client is closing anyway. */
    static void end(AutoCloseable observation) {
        try {
            observation.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(KafkaClientObserver.class).debug("ending a client observation: {}", e.toString());
        }
    }
}
