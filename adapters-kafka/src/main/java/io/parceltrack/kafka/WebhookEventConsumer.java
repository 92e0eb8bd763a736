package io.parceltrack.kafka;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.port.in.webhook.EnqueueWebhooksUseCase;
import io.parceltrack.port.trace.SpanNames;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks' side of {@code parcel-events}: consumes the events in a consumer group of its own
 * and hands each to the enqueue use case, which stores the webhooks they mean in the durable retry
 * schedule. Offsets are committed only after a whole batch is stored, so a crash or a broker restart
 * makes the batch be handled again, which enqueues nothing twice. For the same reason a batch's
 * commit is left to the consumer loop, which sends one for all such batches at most every half
 * second (and when idle, rebalancing or stopping). Sending happens elsewhere, on
 * threads of its own: this loop never waits for a receiver.
 */
public final class WebhookEventConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventConsumer.class);

    private final WebhookConsumerSettings settings;
    private final EnqueueWebhooksUseCase enqueue;
    private final RecordBatchLoop loop;

    public WebhookEventConsumer(WebhookConsumerSettings settings, EnqueueWebhooksUseCase enqueue) {
        this.settings = settings;
        this.enqueue = enqueue;
        this.loop = new RecordBatchLoop("webhook-events", settings.client(), settings.consumer(),
                settings.events().name(), new EnqueueBatch());
    }

    public WebhookEventConsumer start() {
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
    private final class EnqueueBatch implements RecordBatchLoop.BatchHandler {
        private final Producer<byte[], byte[]> deadLetters = new KafkaProducer<>(
                settings.client().producerProperties(settings.consumer().clientId() + "-dead-letters"));
        private final AutoCloseable deadLettersObserved = settings.client().observer().producerOpened(deadLetters);
        /** Unreadable records of the batch in hand, sent to the dead-letter topic. */
        private int deadLettered;

        @Override
        public void handle(ConsumerRecords<byte[], byte[]> batch, RecordBatchLoop.BatchContext context) {
            EnqueueWebhooksUseCase batchEnqueue = enqueue.forBatch();
            deadLettered = 0;
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                TraceHeaders.handleWithin(record, SpanNames.SCHEDULE_WEBHOOKS, () -> schedule(record, batchEnqueue));
            }
            if (deadLettered == 0) {
                // Handled again, the batch enqueues nothing twice, so its commit may wait for the loop's next.
                context.commitLater(RecordBatchLoop.offsetsAfter(batch));
            } else {
                // A dead letter would be sent again: commit at once.
                context.commit(RecordBatchLoop.offsetsAfter(batch));
            }
        }

        private void schedule(ConsumerRecord<byte[], byte[]> record, EnqueueWebhooksUseCase batchEnqueue) {
            ParcelEvent event;
            try {
                event = BrokerMessageFormat.readEvent(record.value());
            } catch (UnreadableMessageException e) {
                DeadLetter.send(deadLetters, record, settings.events().deadLetterTopic(), settings.consumer().groupId(),
                        e.getMessage(), settings.client().observer());
                deadLettered++;
                return;
            }
            int scheduled = batchEnqueue.enqueue(event);
            LOG.debug("event {} of parcel {}: {} webhooks scheduled", event.id(), event.trackNumber(), scheduled);
        }

        @Override
        public void close() {
            deadLetters.close(Duration.ofSeconds(10));
            KafkaClientObserver.end(deadLettersObserved);
        }
    }
}
