package io.parceltrack.kafka;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.out.DeliveryPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes deliveries to {@code notification-deliveries}, keyed by recipient so that one person's
 * notifications share a partition and stay in order. The notification service's fan-out consumer
 * runs one over its transactional producer: deliveries then become visible when the transaction
 * commits, and the commit, which fails if the broker refused any of them, is where their
 * acceptance is awaited, so that the pages of a fan-out go out back to back while the next page is
 * read. On its own it owns an idempotent producer with {@code acks=all} and waits for each call's
 * acknowledgements. Each record carries the trace the caller works in (the fan-out continues the
 * event's), so the delivery's send can be found under the checkpoint's trace id.
 */
public final class KafkaDeliveryPublisher implements DeliveryPublisher, AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final boolean ownsProducer;

    public KafkaDeliveryPublisher(DeliveryPublisherSettings settings) {
        this(new KafkaProducer<>(settings.client().producerProperties(settings.clientId())), settings.topic(), true);
    }

    /** Over a producer someone else opened, began transactions on, and closes. */
    KafkaDeliveryPublisher(Producer<byte[], byte[]> producer, String topic) {
        this(producer, topic, false);
    }

    private KafkaDeliveryPublisher(Producer<byte[], byte[]> producer, String topic, boolean ownsProducer) {
        this.producer = producer;
        this.topic = topic;
        this.ownsProducer = ownsProducer;
    }

    @Override
    public void publishDeliveries(List<Delivery> deliveries) {
        // A fan-out publishes thousands of one event under one trace: what they share is encoded once.
        DeliveryValues values = new DeliveryValues();
        byte[] traceparent = TraceHeaders.currentTraceparent();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            records.add(TraceHeaders.withTraceparent(
                    new ProducerRecord<>(topic, BrokerMessageFormat.key(delivery), values.value(delivery)), traceparent));
        }
        if (ownsProducer) {
            AcknowledgedSend.sendAll(producer, records);
        } else {
            AcknowledgedSend.sendAllInTransaction(producer, records);
        }
    }

    @Override
    public void close() {
        if (ownsProducer) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
