package io.parceltrack.kafka;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.trace.SpanNames;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification service's side of the broker: consumes {@code parcel-events} in a consumer
 * group and fans each event out to one delivery per subscriber on {@code notification-deliveries}.
 *
 * <p>Each polled batch is one Kafka transaction: the deliveries of all its events (page by page, as
 * the fan-out use case publishes them), the dead letters of records it cannot read, and the
 * consumer offsets after the batch are committed together, or not at all. Consumers reading with
 * {@code read_committed} (ours do) therefore see each event's deliveries exactly once, even when a
 * batch failed halfway and was handled again. When anything fails (the broker is down, the
 * subscriber store is unavailable), the transaction is abandoned (see {@link TransactionalProducer})
 * and the batch is handled again after a backoff: events are delayed, never lost.
 */
public final class ParcelEventFanOutConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParcelEventFanOutConsumer.class);

    private final FanOutConsumerSettings settings;
    private final Function<DeliveryPublisher, FanOutParcelEventUseCase> fanOutThrough;
    private final RecordBatchLoop loop;

    /**
     * @param fanOutThrough the fan-out use case publishing through the given publisher, which is
     *     bound to the current transaction, e.g.
     *     {@code publisher -> new NotificationFanOutService(subscriptions, publisher, 500)}
     */
    public ParcelEventFanOutConsumer(
            FanOutConsumerSettings settings, Function<DeliveryPublisher, FanOutParcelEventUseCase> fanOutThrough) {
        this.settings = settings;
        this.fanOutThrough = fanOutThrough;
        this.loop = new RecordBatchLoop("parcel-event-fan-out", settings.client(), settings.consumer(),
                settings.events().name(), new TransactionalFanOut());
    }

    public ParcelEventFanOutConsumer start() {
        loop.start();
        return this;
    }

    /** Finishes (and commits) the batch in progress, leaves the group and closes; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        return loop.stop(timeout);
    }

    /** Whether it is consuming; false once stopped or ended by an unexpected error (for readiness checks). */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Whether it is running and has joined its consumer group (the app's readiness). */
    public boolean hasJoinedGroup() {
        return loop.hasJoinedGroup();
    }

    @Override
    public void close() {
        loop.close();
    }

    /** Runs on the loop's thread only. */
    private final class TransactionalFanOut implements RecordBatchLoop.BatchHandler {
        private final TransactionalProducer producer = new TransactionalProducer(settings.client(),
                settings.consumer().clientId(), settings.transactionalId(), settings.transactionTimeout());

        @Override
        public void handle(ConsumerRecords<byte[], byte[]> batch, RecordBatchLoop.BatchContext context) {
            producer.commit(transaction -> {
                FanOutParcelEventUseCase fanOut =
                        fanOutThrough.apply(new KafkaDeliveryPublisher(transaction, settings.deliveriesTopic()));
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    TraceHeaders.handleWithin(record, SpanNames.FAN_OUT, () -> handle(record, fanOut, transaction));
                }
            }, RecordBatchLoop.offsetsAfter(batch), context.groupMetadata());
        }

        private void handle(ConsumerRecord<byte[], byte[]> record, FanOutParcelEventUseCase fanOut,
                Producer<byte[], byte[]> transaction) {
            ParcelEvent event;
            try {
                event = BrokerMessageFormat.readEvent(record.value());
            } catch (UnreadableMessageException e) {
                DeadLetter.send(transaction, record, settings.events().deadLetterTopic(), settings.consumer().groupId(),
                        e.getMessage(), settings.client().observer());
                return;
            }
            int deliveries = fanOut.fanOut(event);
            // One line per event, under its trace: where a checkpoint's notifications came from.
            LOG.info("event {} of parcel {}: {} deliveries", event.id(), event.trackNumber(), deliveries);
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
