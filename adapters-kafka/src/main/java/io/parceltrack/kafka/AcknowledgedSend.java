package io.parceltrack.kafka;

import io.parceltrack.port.out.PublishException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Sends a batch of records and returns only once the broker acknowledged every one of them, which
 * is what our publishing ports promise. Records go out pipelined (not one round trip each); the
 * producer's bounded delivery timeout makes a broker outage end in {@link PublishException}
 * instead of a wait without end.
 *
 * <p>The producer's linger lets records sent one by one share a request; here the whole batch is
 * already handed over, so it is flushed rather than left to wait out the linger (a lone outbox
 * event would otherwise wait the full 5 ms, inside the relay's database transaction).
 */
final class AcknowledgedSend {
    private AcknowledgedSend() {}

    static void sendAll(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        String topic = records.get(0).topic();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new PublishException("the broker did not accept messages for " + topic, e.getCause());
        } catch (KafkaException e) {
            throw new PublishException("could not hand messages for " + topic + " to the broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the broker to accept messages for " + topic, e);
        }
    }

    /**
     * Hands records to a producer inside a transaction without waiting for them: the transaction's
     * commit waits, and fails if the broker refused any of them (the caller then aborts, and nothing
     * of the transaction becomes visible).
     */
    static void sendAllInTransaction(Producer<byte[], byte[]> transaction, List<ProducerRecord<byte[], byte[]>> records) {
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                transaction.send(record);
            }
        } catch (KafkaException e) {
            throw new PublishException("could not hand messages to the broker", e);
        }
    }
}
