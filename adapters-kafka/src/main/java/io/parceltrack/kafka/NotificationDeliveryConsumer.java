package io.parceltrack.kafka;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user bot's side of the broker: consumes {@code notification-deliveries} (committed
 * transactions only) in a consumer group and hands each delivery to the deliver-notification use
 * case, which drops the ones already sent and sends the rest through the messenger.
 *
 * <p>A polled batch is split by recipient; each person's deliveries are sent in order, different
 * people in parallel, because the messenger paces each chat and one slow chat must not hold up all
 * the others. Offsets are committed once the whole batch is handled. If any send fails, nothing is
 * committed and the whole batch is handled again after a backoff: what was sent already is
 * recognised as a duplicate and not sent twice.
 */
public final class NotificationDeliveryConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveryConsumer.class);

    private final DeliveryConsumerSettings settings;
    private final DeliverNotificationUseCase deliver;
    private final RecordBatchLoop loop;

    public NotificationDeliveryConsumer(DeliveryConsumerSettings settings, DeliverNotificationUseCase deliver) {
        this.settings = settings;
        this.deliver = deliver;
        this.loop = new RecordBatchLoop("notification-deliveries", settings.client(), settings.consumer(),
                settings.deliveries().name(), new ParallelByRecipient());
    }

    public NotificationDeliveryConsumer start() {
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

    @Override
    public void close() {
        loop.close();
    }

    private final class ParallelByRecipient implements RecordBatchLoop.BatchHandler {
        private final ExecutorService senders = Executors.newFixedThreadPool(settings.parallelRecipients(), new NamedThreads());
        private final Producer<byte[], byte[]> deadLetters = new KafkaProducer<>(
                settings.client().producerProperties(settings.consumer().clientId() + "-dead-letters"));

        @Override
        public void handle(ConsumerRecords<byte[], byte[]> batch, RecordBatchLoop.BatchContext context) throws Exception {
            Map<TelegramId, List<Delivery>> byRecipient = new LinkedHashMap<>();
            List<ProducerRecord<byte[], byte[]>> unreadable = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                try {
                    Delivery delivery = BrokerMessageFormat.readDelivery(record.value());
                    byRecipient.computeIfAbsent(delivery.recipient(), key -> new ArrayList<>()).add(delivery);
                } catch (UnreadableMessageException e) {
                    LOG.warn("dead-lettering the record at {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    unreadable.add(DeadLetter.of(record, settings.deliveries().deadLetterTopic(),
                            settings.consumer().groupId(), e.getMessage()));
                }
            }
            AcknowledgedSend.sendAll(deadLetters, unreadable);

            List<Future<?>> recipients = new ArrayList<>(byRecipient.size());
            for (List<Delivery> ofOneRecipient : byRecipient.values()) {
                recipients.add(senders.submit(() -> deliverInOrder(ofOneRecipient)));
            }
            // Wait for every recipient, failed or not, so that no send is still running when the
            // batch is handled again.
            Exception failure = null;
            for (Future<?> recipient : recipients) {
                try {
                    recipient.get();
                } catch (ExecutionException e) {
                    Exception cause = e.getCause() instanceof Exception exception ? exception : e;
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            context.commit(RecordBatchLoop.offsetsAfter(batch));
        }

        /** Stops at the first failure: a later notification must not overtake an earlier one. */
        private void deliverInOrder(List<Delivery> deliveries) {
            for (Delivery delivery : deliveries) {
                DeliveryOutcome outcome = deliver.deliver(delivery);
                if (outcome == DeliveryOutcome.RECIPIENT_UNREACHABLE) {
                    LOG.info("delivery {} not sent: recipient unreachable", delivery.id());
                }
            }
        }

        @Override
        public void close() {
            senders.shutdownNow();
            deadLetters.close(Duration.ofSeconds(10));
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "notification-sender-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
