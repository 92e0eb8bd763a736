package io.parceltrack.kafka;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes parcel events to {@code parcel-events}, keyed by track number so that a parcel's
 * events share a partition and stay in order. Each call is one transaction of a transactional
 * (hence idempotent, {@code acks=all}) producer: the events become visible together, in order, or
 * not at all, so a failed call retried later never lets a parcel's later event overtake an earlier
 * one. Plugged into {@link io.parceltrack.service.OutboxRelayService} it is the outbox relay: the
 * outbox marks events published only once the transaction committed.
 */
public final class KafkaParcelEventPublisher implements ParcelEventPublisher, AutoCloseable {
    private final TransactionalProducer producer;
    private final String topic;

    public KafkaParcelEventPublisher(ParcelEventPublisherSettings settings) {
        this.producer = new TransactionalProducer(settings.client(), settings.clientId(), settings.transactionalId(),
                settings.transactionTimeout());
        this.topic = settings.topic();
    }

    @Override
    public synchronized void publishEvents(List<ParcelEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<ProducerRecord<byte[], byte[]>> records = events.stream()
                .map(event -> TraceHeaders.withTrace(
                        new ProducerRecord<>(topic, BrokerMessageFormat.key(event), BrokerMessageFormat.value(event)),
                        event.trace()))
                .toList();
        producer.commit(transaction -> AcknowledgedSend.sendAll(transaction, records));
    }

    @Override
    public synchronized void close() {
        producer.close();
    }
}
