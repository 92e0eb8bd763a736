package io.parceltrack.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record its consumer could not read, on its way to the dead-letter topic: key, value and headers
 * exactly as they came, plus headers that say why and where from, so that someone can inspect it
 * and, once the cause is fixed, replay it.
 */
public final class DeadLetter {
    /** Why the record could not be handled (UTF-8 text). */
    public static final String REASON = "parceltrack.dlt.reason";
    /** The topic, partition and offset it was read from (UTF-8 text). */
    public static final String SOURCE_TOPIC = "parceltrack.dlt.source-topic";
    public static final String SOURCE_PARTITION = "parceltrack.dlt.source-partition";
    public static final String SOURCE_OFFSET = "parceltrack.dlt.source-offset";
    /** The consumer group that gave up on it (UTF-8 text). */
    public static final String CONSUMER_GROUP = "parceltrack.dlt.consumer-group";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetter.class);

    private DeadLetter() {}

    /**
     * Parks {@code source} on {@code deadLetterTopic} through {@code producer} (waiting for the
     * broker's acknowledgement, or within the producer's transaction), logs why and tells the
     * observer: what every consumer does with a record it gives up on.
     */
    static void send(Producer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> source, String deadLetterTopic,
            String consumerGroup, String reason, KafkaClientObserver observer) {
        LOG.warn("dead-lettering the record at {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        AcknowledgedSend.sendAll(producer, List.of(of(source, deadLetterTopic, consumerGroup, reason)));
        observer.deadLettered(deadLetterTopic, consumerGroup);
    }

    static ProducerRecord<byte[], byte[]> of(
            ConsumerRecord<byte[], byte[]> source, String deadLetterTopic, String consumerGroup, String reason) {
        Headers headers = new RecordHeaders();
        for (Header header : source.headers()) {
            headers.add(header);
        }
        headers.add(REASON, utf8(reason));
        headers.add(SOURCE_TOPIC, utf8(source.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        headers.add(CONSUMER_GROUP, utf8(consumerGroup));
        return new ProducerRecord<>(deadLetterTopic, null, source.key(), source.value(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
