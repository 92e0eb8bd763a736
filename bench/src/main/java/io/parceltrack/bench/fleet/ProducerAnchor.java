package io.parceltrack.bench.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own limit for a fan-out: one transactional producer writing N delivery records
 * (a real delivery's value and headers, keyed by user ids of the same length, as many partitions
 * as the deliveries topic, the same idempotent {@code acks=all} settings as our producers) in one
 * transaction, timed until a {@code read_committed} watcher sees the last one.
 */
final class ProducerAnchor implements AutoCloseable {
    static final String TOPIC = "bench-fan-out-anchor";

    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicWatch watch;

    ProducerAnchor(String bootstrapServers, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-anchor-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        producer.initTransactions();
        watch = new TopicWatch(bootstrapServers, TOPIC);
    }

    /** Milliseconds from the transaction's start until its {@code records} copies of {@code like} are visible. */
    double writeAndSee(int records, ConsumerRecord<byte[], byte[]> like) {
        byte[] value = like.value();
        Header[] headers = like.headers().toArray();
        long began = System.nanoTime();
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            byte[] key = Long.toString(10_000_000L + i).getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(TOPIC, null, key, value, new RecordHeaders(headers)));
        }
        producer.commitTransaction();
        return (watch.awaitRecords(records, Duration.ofMinutes(1)) - began) / 1e6;
    }

    @Override
    public void close() {
        watch.close();
        producer.close(Duration.ofSeconds(5));
    }
}
