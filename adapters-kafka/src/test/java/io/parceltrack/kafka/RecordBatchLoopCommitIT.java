package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Commits left for later ({@link RecordBatchLoop.BatchContext#commitLater}) against a real broker:
 * many batches share a few commit requests, nothing handled stays uncommitted once the loop stops,
 * and a batch committed at once takes the waiting offsets along. The polls here wait 30 s, so an
 * idle poll never commits for the loop: only the interval, an eager commit and the stop do.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class RecordBatchLoopCommitIT {
    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    private final KafkaTestBroker broker;
    private final String suffix = UUID.randomUUID().toString();
    private final TopicSettings topic = TopicSettings.of("commit-later-" + suffix, 2, (short) 1);
    private final String group = "commit-later-" + suffix;
    private final AtomicReference<Metric> commitTotal = new AtomicReference<>();

    RecordBatchLoopCommitIT(KafkaTestBroker broker) {
        this.broker = broker;
        new KafkaTopicCreator(broker.clientSettings()).createMissing(List.of(topic));
    }

    @Test
    void manyBatchesLeftForLaterShareAFewCommitsAndTheStopCommitsTheRest() throws Exception {
        int records = 300;
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        RecordBatchLoop loop = loop(1, Duration.ofMillis(300), (batch, context) -> {
            batches.incrementAndGet();
            context.commitLater(RecordBatchLoop.offsetsAfter(batch));
            handled.addAndGet(batch.count());
        });
        loop.start();
        try (Producer<byte[], byte[]> producer = producer(); Admin admin = broker.admin()) {
            awaitJoined(loop);
            for (int i = 0; i < records; i++) {
                // One record at a time on one partition: the loop sees them as many one-record batches.
                producer.send(new ProducerRecord<>(topic.name(), 0, null, bytes("r" + i))).get();
                Thread.sleep(5);
            }
            await(() -> handled.get() == records, "all records handled");
            double commitsWhileRunning = commits();

            assertThat(batches.get()).isEqualTo(records);
            assertThat(commitsWhileRunning)
                    .as("commits for %d batches over at least 1.5 s, one every 300 ms", batches.get())
                    .isBetween(2.0, records / 5.0);

            assertThat(loop.stop(Duration.ofSeconds(30))).isTrue();
            assertThat(committed(admin)).as("what the stop committed").isEqualTo(Map.of(new TopicPartition(topic.name(), 0), (long) records));
        } finally {
            loop.close();
        }
    }

    @Test
    void aBatchCommittedAtOnceTakesTheOffsetsLeftForLaterAlong() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        // Partition 0's batches wait for later, partition 1's are committed at once; the interval never runs out.
        RecordBatchLoop loop = loop(1, Duration.ofHours(1), (batch, context) -> {
            boolean eager = batch.partitions().stream().anyMatch(partition -> partition.partition() == 1);
            if (eager) {
                context.commit(RecordBatchLoop.offsetsAfter(batch));
            } else {
                context.commitLater(RecordBatchLoop.offsetsAfter(batch));
            }
            // Counted once the commit (or the leaving for later) is done, so that the test reads what it did.
            handled.addAndGet(batch.count());
        });
        loop.start();
        try (Producer<byte[], byte[]> producer = producer(); Admin admin = broker.admin()) {
            awaitJoined(loop);
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic.name(), 0, null, bytes("later" + i))).get();
            }
            await(() -> handled.get() == 3, "the records left for later handled");
            assertThat(committed(admin)).as("nothing committed yet").isEmpty();

            producer.send(new ProducerRecord<>(topic.name(), 1, null, bytes("now"))).get();
            await(() -> handled.get() == 4, "the record committed at once handled");

            assertThat(committed(admin)).isEqualTo(Map.of(
                    new TopicPartition(topic.name(), 0), 3L,
                    new TopicPartition(topic.name(), 1), 1L));
        } finally {
            loop.close();
        }
    }

    private RecordBatchLoop loop(int maxPollRecords, Duration interval, RecordBatchLoop.BatchHandler handler) {
        ConsumerSettings settings = new ConsumerSettings(group, group, maxPollRecords, LONG_POLL, Duration.ofSeconds(60),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        KafkaClientSettings client = broker.clientSettings().withObserver(new KafkaClientObserver() {
            @Override
            public AutoCloseable consumerOpened(Consumer<?, ?> consumer) {
                // Read on the constructing thread, before the loop polls; a metric's value may be read from any thread.
                consumer.metrics().forEach((name, metric) -> {
                    if (name.name().equals("commit-total") && name.group().equals("consumer-coordinator-metrics")) {
                        commitTotal.set(metric);
                    }
                });
                return () -> {};
            }
        });
        return new RecordBatchLoop("commit-later-test", client, settings, topic.name(), handler, interval);
    }

    private double commits() {
        return ((Number) commitTotal.get().metricValue()).doubleValue();
    }

    private Producer<byte[], byte[]> producer() {
        return new KafkaProducer<>(broker.clientSettings().producerProperties("commit-later-test-producer"));
    }

    private Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get().entrySet()) {
            if (entry.getValue() != null) {
                committed.put(entry.getKey(), entry.getValue().offset());
            }
        }
        return committed;
    }

    private static void awaitJoined(RecordBatchLoop loop) throws InterruptedException {
        await(loop::hasJoinedGroup, "the loop joined its group");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
