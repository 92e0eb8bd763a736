package io.parceltrack.bench.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the pipeline has caught up after a load: the outbox is empty and the consumer groups have
 * handled every record. A latency measured behind a backlog would measure the backlog.
 */
final class Backlog {
    private final String bootstrapServers;
    private final IntSupplier outboxRows;

    Backlog(String bootstrapServers, IntSupplier outboxRows) {
        this.bootstrapServers = bootstrapServers;
        this.outboxRows = outboxRows;
    }

    /** Waits until nothing is left to do; returns how long that took. */
    Duration awaitCaughtUp(Duration timeout, String... groups) throws Exception {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (outboxRows.getAsInt() > 0 || behind(admin, groups) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline did not catch up within " + timeout);
                }
                Thread.sleep(200);
            }
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /**
     * Records the groups have not handled. A transaction ends in a commit marker that takes an offset
     * but is no record, so one offset per partition behind the end is caught up.
     */
    private static long behind(Admin admin, String... groups) throws Exception {
        long behind = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long handled = entry.getValue() == null ? 0 : entry.getValue().offset();
                behind += Math.max(0, ends.get(entry.getKey()).offset() - handled - 1);
            }
        }
        return behind;
    }
}
