package io.parceltrack.kafka;

import io.parceltrack.port.out.PublishException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional producer that makes a batch of records visible all at once, in order, or not at
 * all (to {@code read_committed} consumers, which ours are).
 *
 * <p>Why not only idempotent: when one record times out, an idempotent producer still writes the
 * records sent after it, so a retry of the whole batch would put a parcel's later event before its
 * earlier one. An aborted transaction leaves nothing behind, so the retry writes the batch in
 * order.
 *
 * <p>After any failure the producer is thrown away: whatever state it was left in (fenced, an
 * expired batch, a commit that timed out), the next one, started with the same transactional id,
 * aborts the unfinished transaction and starts clean. Not thread-safe: one caller at a time.
 */
final class TransactionalProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducer.class);

    private final Map<String, Object> properties;
    private final KafkaClientObserver observer;
    private AutoCloseable observation = () -> {};
    private Producer<byte[], byte[]> producer;

    TransactionalProducer(KafkaClientSettings client, String clientId, String transactionalId, Duration transactionTimeout) {
        this.properties = client.producerProperties(clientId);
        this.observer = client.observer();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, KafkaClientSettings.millis(transactionTimeout));
    }

    /** Sends what {@code work} sends in one transaction and commits it. */
    void commit(Consumer<Producer<byte[], byte[]>> work) {
        commitIfBegun(transaction -> work.accept(transaction.get()), null, null);
    }

    /**
     * Runs {@code work}, which asks for the transaction's producer only when it has something to
     * send: the transaction begins then. If it did, what it sent is committed with a consumer's
     * offsets and this returns true. If {@code work} never asked, no transaction was begun, nothing
     * reached the broker, the offsets are <em>not</em> committed, and this returns false: the
     * caller commits them as a plain consumer commit. For a batch that produced nothing that is as
     * exactly-once as a transaction, and it spares the broker the transaction's requests
     * ({@code AddOffsetsToTxn}, {@code TxnOffsetCommit}, {@code EndTxn}) and its commit markers. The
     * group coordinator keeps the newer of a plain and a transactional commit of a partition, so a
     * transaction of an earlier batch whose markers are still being written does not move the
     * offsets back. Without {@code offsets} only what was sent is committed.
     */
    boolean commitIfBegun(Consumer<Supplier<Producer<byte[], byte[]>>> work,
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        try {
            OnFirstUse transaction = new OnFirstUse();
            work.accept(transaction);
            if (transaction.begun == null) {
                return false;
            }
            if (offsets != null) {
                transaction.begun.sendOffsetsToTransaction(offsets, group);
            }
            transaction.begun.commitTransaction();
            return true;
        } catch (KafkaException e) {
            discard();
            throw new PublishException("the broker did not commit the transaction", e);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** The producer, with a transaction begun the first time it is asked for. */
    private final class OnFirstUse implements Supplier<Producer<byte[], byte[]>> {
        private Producer<byte[], byte[]> begun;

        @Override
        public Producer<byte[], byte[]> get() {
            if (begun == null) {
                Producer<byte[], byte[]> transaction = producer();
                transaction.beginTransaction();
                begun = transaction;
            }
            return begun;
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(properties);
            try {
                // Fences off an older producer with our id and aborts its unfinished transaction.
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
            observation = observer.producerOpened(created);
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing a failed transactional producer: {}", e.toString());
            }
            producer = null;
            KafkaClientObserver.end(observation);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
            KafkaClientObserver.end(observation);
        }
    }
}
