package io.parceltrack.bench.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches a topic as our consumers read it ({@code read_committed}, all partitions, from its end):
 * counts records as they become visible, which for a transactional producer is when its transaction
 * committed. Both sides of the fan-out comparison are timed by the same watch.
 */
final class TopicWatch implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final int partitions;
    private ConsumerRecord<byte[], byte[]> lastRecord;

    TopicWatch(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        this.partitions = partitions.size();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until {@code count} more records are visible; returns the nanoTime when the last of them was seen. */
    long awaitRecords(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (seen < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("saw " + seen + " of " + count + " records within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                seen++;
                lastRecord = record;
            }
        }
        return System.nanoTime();
    }

    /** The last record seen: a real delivery, to give the producer anchor records of the same size and headers. */
    ConsumerRecord<byte[], byte[]> lastRecord() {
        return lastRecord;
    }

    /** How many partitions the topic has. */
    int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
