package io.parceltrack.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop both of our consumers share, on its own thread: poll a batch, let the handler
 * handle it and commit its offsets; if the handler fails, seek back to the start of the batch, wait
 * (with growing backoff) and handle the same records again. Nothing is skipped: a record is left
 * behind only once its offset is committed, and it is committed only after it was handled.
 *
 * <p>Batches are handled between polls, on the polling thread, so a rebalance (which happens inside
 * {@code poll}) never sees a half-handled batch.
 *
 * <p>A handler whose batch may be handled again without harm (it produced nothing, or stored what
 * it stored idempotently) can leave the commit to the loop ({@link BatchContext#commitLater}). The
 * loop then sends one commit for such batches at most every {@link #DEFERRED_COMMIT_INTERVAL},
 * and at once when a poll comes back empty, before this member gives partitions up in a rebalance
 * and when it stops. Under load that is a few commit requests per second instead of one per batch,
 * each a write the broker makes and a round trip the loop waits for. What a crash can cost is
 * handling the last interval's such batches once more.
 */
final class RecordBatchLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordBatchLoop.class);

    /** Handles one batch and commits its offsets, or throws to have the batch handled again. */
    interface BatchHandler {
        void handle(ConsumerRecords<byte[], byte[]> batch, BatchContext context) throws Exception;

        /** Releases what the handler holds; called on the loop's thread once the loop ended. */
        default void close() {}
    }

    /** What a handler may ask of the consumer while it handles a batch. */
    interface BatchContext {
        /** For {@code sendOffsetsToTransaction}: lets the group fence a member that lost its partitions. */
        ConsumerGroupMetadata groupMetadata();

        /**
         * Commits synchronously, together with any offsets left for later; a stop requested
         * meanwhile does not interrupt it.
         */
        void commit(Map<TopicPartition, OffsetAndMetadata> offsets);

        /**
         * Leaves the commit of a handled batch to the loop, for a batch that may be handled again
         * without harm should this member crash before the loop commits (see the class comment).
         */
        void commitLater(Map<TopicPartition, OffsetAndMetadata> offsets);

        /** Tells the loop that {@code offsets} were committed another way (in a transaction). */
        void committedElsewhere(Map<TopicPartition, OffsetAndMetadata> offsets);
    }

    /** How long a batch's commit left for later may wait while the loop is busy. */
    static final Duration DEFERRED_COMMIT_INTERVAL = Duration.ofMillis(500);

    private final String name;
    private final Consumer<byte[], byte[]> consumer;
    private final AutoCloseable observation;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final RetryBackoff backoff;
    private final BatchHandler handler;
    private final Thread thread;
    private final Object pauses = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    /** A rebalance gave this member its share (maybe none) and it has not lost it since. */
    private volatile boolean joined;
    private boolean started;
    private final DeferredOffsets deferred;
    /** The last commit of deferred offsets failed; the next waits for the interval. */
    private boolean deferredCommitFailed;

    private final BatchContext context = new BatchContext() {
        @Override
        public ConsumerGroupMetadata groupMetadata() {
            return consumer.groupMetadata();
        }

        @Override
        public void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            Map<TopicPartition, OffsetAndMetadata> earlier = deferred.takeAll();
            try {
                commitSync(DeferredOffsets.furthest(earlier, offsets));
            } catch (RuntimeException e) {
                // This batch is handled again (and committed then); the earlier ones wait as before.
                deferred.add(earlier, System.nanoTime());
                throw e;
            }
        }

        @Override
        public void commitLater(Map<TopicPartition, OffsetAndMetadata> offsets) {
            deferred.add(offsets, System.nanoTime());
        }

        @Override
        public void committedElsewhere(Map<TopicPartition, OffsetAndMetadata> offsets) {
            deferred.coveredBy(offsets);
        }
    };

    RecordBatchLoop(String name, KafkaClientSettings client, ConsumerSettings settings, String topic, BatchHandler handler) {
        this(name, client, settings, topic, handler, DEFERRED_COMMIT_INTERVAL);
    }

    RecordBatchLoop(String name, KafkaClientSettings client, ConsumerSettings settings, String topic, BatchHandler handler,
            Duration deferredCommitInterval) {
        this.deferred = new DeferredOffsets(deferredCommitInterval);
        this.name = name;
        this.consumer = new KafkaConsumer<>(client.consumerProperties(settings));
        this.observation = client.observer().consumerOpened(consumer);
        this.topics = List.of(topic);
        this.pollTimeout = settings.pollTimeout();
        this.backoff = new RetryBackoff(settings.firstRetryBackoff(), settings.maxRetryBackoff());
        this.handler = handler;
        this.thread = new Thread(this::run, name);
    }

    synchronized void start() {
        if (started) {
            throw new IllegalStateException(name + " was started before");
        }
        started = true;
        thread.start();
    }

    /**
     * Asks the loop to stop: a poll in progress returns at once, a batch in progress is finished
     * (and committed), then the consumer leaves its group and closes. Waits up to {@code timeout};
     * returns whether the loop ended.
     */
    boolean stop(Duration timeout) throws InterruptedException {
        synchronized (this) {
            if (!started) {
                // Never started, and now never will: release what the loop would have released.
                started = true;
                running = false;
                thread.start();
            }
        }
        running = false;
        consumer.wakeup();
        synchronized (pauses) {
            pauses.notifyAll();
        }
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the loop was started and is still polling: false once stopped or ended by an unexpected error. */
    synchronized boolean isRunning() {
        return started && running && finished.getCount() > 0;
    }

    /**
     * Whether the loop is running and its consumer has joined the group: a rebalance assigned it its
     * partitions (none, when the group has more members than partitions) and it has not lost them.
     */
    boolean hasJoinedGroup() {
        return isRunning() && joined;
    }

    /** Stops, waiting up to 30 s. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            if (running) {
                consumer.subscribe(topics, new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // Still ours for this call: commit what was left for later before another takes them.
                        // If that fails they are not kept: committed later, they could move the new owner back.
                        commitDeferred(deferred.take(partitions), false);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        joined = true;
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        joined = false;
                        // Another member owns them already: a commit now would be refused.
                        deferred.take(partitions);
                    }
                });
            }
            while (running) {
                ConsumerRecords<byte[], byte[]> batch;
                try {
                    batch = consumer.poll(pollTimeout);
                } catch (WakeupException stopRequested) {
                    break;
                }
                if (!batch.isEmpty()) {
                    handleOrRewind(batch);
                }
                long now = System.nanoTime();
                if (deferred.due(now) || (batch.isEmpty() && !deferredCommitFailed)) {
                    commitDeferred(deferred.takeAll(), true);
                }
            }
            commitDeferred(deferred.takeAll(), false);
        } catch (RuntimeException e) {
            LOG.error("{} stopped on an unexpected error", name, e);
        } finally {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the consumer failed: {}", name, e.toString());
            }
            KafkaClientObserver.end(observation);
            try {
                handler.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: releasing the handler failed: {}", name, e.toString());
            }
            finished.countDown();
        }
    }

    private void handleOrRewind(ConsumerRecords<byte[], byte[]> batch) {
        try {
            handler.handle(batch, context);
            backoff.succeeded();
        } catch (Exception e) {
            Duration pause = backoff.failed();
            LOG.warn("{}: a batch of {} records failed, handling it again in {} ms: {}", name, batch.count(),
                    pause.toMillis(), describe(e));
            rewind(batch);
            pause(pause);
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException stopRequested) {
            // stop() woke the consumer to end a poll; the batches are done, so commit them still
            consumer.commitSync(offsets);
        }
    }

    /**
     * Commits offsets left for later. A failure is not the batches' fault, so they are not handled
     * again: if {@code keepOnFailure}, the offsets go back (for the partitions still owned) and are
     * tried after the interval; else they are dropped, and the partitions' next owner handles those
     * batches once more.
     */
    private void commitDeferred(Map<TopicPartition, OffsetAndMetadata> offsets, boolean keepOnFailure) {
        try {
            commitSync(offsets);
            deferredCommitFailed = false;
        } catch (RuntimeException e) {
            deferredCommitFailed = true;
            LOG.warn("{}: committing the offsets of {} partitions failed{}: {}", name, offsets.size(),
                    keepOnFailure ? ", trying again later" : "", describe(e));
            if (!keepOnFailure) {
                return;
            }
            Set<TopicPartition> owned = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> stillOwned = new HashMap<>(offsets);
            stillOwned.keySet().retainAll(owned);
            deferred.add(stillOwned, System.nanoTime());
        }
    }

    /** Back to the first record of the batch in each partition this member still owns. */
    private void rewind(ConsumerRecords<byte[], byte[]> batch) {
        Set<TopicPartition> owned = consumer.assignment();
        for (TopicPartition partition : batch.partitions()) {
            if (owned.contains(partition)) {
                consumer.seek(partition, batch.records(partition).get(0).offset());
            }
        }
    }

    private void pause(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (pauses) {
            try {
                long left;
                while (running && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(pauses, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }


    /** The offsets to commit once a batch is handled: the position after its last record, per partition. */
    static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(ConsumerRecords<byte[], byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = batch.records(partition);
            ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
            offsets.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
        }
        return offsets;
    }

    private static String describe(Exception e) {
        return e.getCause() == null ? e.toString() : e + " (cause: " + e.getCause() + ")";
    }
}
