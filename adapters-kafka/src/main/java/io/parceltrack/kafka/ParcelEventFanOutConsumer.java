package io.parceltrack.kafka;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.notification.FanOutParcelEventUseCase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.trace.SpanNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
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
 * and the batch is handled again after a backoff: events are delayed, never lost. A batch that
 * produces nothing (no subscriber of any of its parcels, no unreadable record) begins no
 * transaction: its offsets go with the consumer loop's next plain commit, which gathers such
 * batches (at most half a second of them), so the broker handles a few commit requests per second
 * rather than a transaction, or a commit, per batch.
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

    /** A record with its event, or why it holds none. */
    private record Read(ConsumerRecord<byte[], byte[]> record, ParcelEvent event, String unreadable) {
        static Read of(ConsumerRecord<byte[], byte[]> record) {
            try {
                return new Read(record, BrokerMessageFormat.readEvent(record.value()), null);
            } catch (UnreadableMessageException e) {
                return new Read(record, null, e.getMessage());
            }
        }
    }

    /** Runs on the loop's thread only. */
    private final class TransactionalFanOut implements RecordBatchLoop.BatchHandler {
        private final TransactionalProducer producer = new TransactionalProducer(settings.client(),
                settings.consumer().clientId(), settings.transactionalId(), settings.transactionTimeout());

        @Override
        public void handle(ConsumerRecords<byte[], byte[]> batch, RecordBatchLoop.BatchContext context) {
            Map<TopicPartition, OffsetAndMetadata> offsets = RecordBatchLoop.offsetsAfter(batch);
            boolean transacted = producer.commitIfBegun(transaction -> {
                // Read first, so that the fan-out can look up the subscribers of all the batch's
                // parcels at once; then each event is fanned out within its own trace.
                List<Read> reads = new ArrayList<>(batch.count());
                batch.forEach(record -> reads.add(Read.of(record)));
                DeliveryPublisher deliveries = new OnFirstDelivery(
                        () -> new KafkaDeliveryPublisher(transaction.get(), settings.deliveriesTopic()));
                FanOutParcelEventUseCase fanOut = fanOutThrough.apply(deliveries)
                        .forBatch(reads.stream().map(Read::event).filter(Objects::nonNull).toList());
                for (Read read : reads) {
                    TraceHeaders.handleWithin(read.record(), SpanNames.FAN_OUT, () -> handle(read, fanOut, transaction));
                }
            }, offsets, context.groupMetadata());
            if (transacted) {
                context.committedElsewhere(offsets);
            } else {
                // Nobody to notify in the whole batch (parcels without subscribers): nothing was
                // produced and no transaction begun. Handled again after a crash, it would produce
                // nothing again (or notify someone who subscribed since), so its offsets go with the
                // loop's next commit instead of a commit of their own.
                context.commitLater(offsets);
            }
        }

        private void handle(Read read, FanOutParcelEventUseCase fanOut, Supplier<Producer<byte[], byte[]>> transaction) {
            if (read.event() == null) {
                DeadLetter.send(transaction.get(), read.record(), settings.events().deadLetterTopic(),
                        settings.consumer().groupId(), read.unreadable(), settings.client().observer());
                return;
            }
            int deliveries = fanOut.fanOut(read.event());
            // One line per event, under its trace: where a checkpoint's notifications came from.
            LOG.info("event {} of parcel {}: {} deliveries", read.event().id(), read.event().trackNumber(), deliveries);
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** Opens its publisher, and with it the batch's transaction, when there is a first delivery to publish. */
    private static final class OnFirstDelivery implements DeliveryPublisher {
        private final Supplier<DeliveryPublisher> open;
        private DeliveryPublisher publisher;

        OnFirstDelivery(Supplier<DeliveryPublisher> open) {
            this.open = open;
        }

        @Override
        public void publishDeliveries(List<Delivery> deliveries) {
            if (deliveries.isEmpty()) {
                return;
            }
            if (publisher == null) {
                publisher = open.get();
            }
            publisher.publishDeliveries(deliveries);
        }
    }
}
