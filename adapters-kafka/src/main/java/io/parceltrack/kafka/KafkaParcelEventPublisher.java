package io.parceltrack.kafka;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.out.ParcelEventPublisher;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes parcel events to {@code parcel-events}, keyed by track number so that a parcel's
 * events share a partition and stay in order. The producer is idempotent with {@code acks=all}:
 * its own retries neither duplicate nor reorder. Plugged into {@link
 * io.parceltrack.service.OutboxRelayService} it is the outbox relay: the outbox marks events
 * published only after {@link #publishEvents} returned, i.e. after every event was acknowledged.
 */
public final class KafkaParcelEventPublisher implements ParcelEventPublisher, AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public KafkaParcelEventPublisher(PublisherSettings settings) {
        this.producer = new KafkaProducer<>(settings.client().producerProperties(settings.clientId()));
        this.topic = settings.topic();
    }

    @Override
    public void publishEvents(List<ParcelEvent> events) {
        AcknowledgedSend.sendAll(producer, events.stream()
                .map(event -> new ProducerRecord<>(topic, BrokerMessageFormat.key(event), BrokerMessageFormat.value(event)))
                .toList());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
