package io.parceltrack.apps.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.parceltrack.kafka.KafkaClientObserver;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Every Kafka client we open bound to Micrometer's Kafka binder (the clients' own metrics, among
 * them {@code kafka_consumer_fetch_manager_records_lag} per topic and partition), and records sent
 * to a dead-letter topic ({@code parceltrack_kafka_dead_letters_total}).
 */
public final class KafkaMetrics implements KafkaClientObserver {
    static final String DEAD_LETTERS = "parceltrack.kafka.dead.letters";

    private final MeterRegistry registry;

    public KafkaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AutoCloseable consumerOpened(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }

    @Override
    public AutoCloseable producerOpened(Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

    @Override
    public void deadLettered(String deadLetterTopic, String group) {
        Counter.builder(DEAD_LETTERS)
                .description("records sent to a dead-letter topic, by that topic and the consumer group that gave up")
                .tags("topic", deadLetterTopic, "group", group)
                .register(registry)
                .increment();
    }
}
