package io.parceltrack.kafka;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.port.trace.SpanNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>While the messenger is unavailable ({@link UnavailableException}: Telegram down, limits that
 * outlast its patience) a delivery is retried for as long as it takes, since giving up would lose
 * it. Any other failure is a bug or a message the messenger will never accept: after
 * {@link #MAX_SEND_ATTEMPTS} attempts that delivery goes to the dead-letter topic with the reason,
 * so that one bad message cannot hold up everyone behind it in its partition.
 */
public final class NotificationDeliveryConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveryConsumer.class);
    /** Attempts at a delivery that keeps failing for a reason other than unavailability. */
    static final int MAX_SEND_ATTEMPTS = 5;

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

    /** Whether it is running and has joined its consumer group (the app's readiness). */
    public boolean hasJoinedGroup() {
        return loop.hasJoinedGroup();
    }

    @Override
    public void close() {
        loop.close();
    }

    /** A delivery with the record it came in, for the dead-letter topic. */
    private record Pending(ConsumerRecord<byte[], byte[]> record, Delivery delivery) {}

    private final class ParallelByRecipient implements RecordBatchLoop.BatchHandler {
        private final ExecutorService senders = Executors.newFixedThreadPool(settings.parallelRecipients(), new NamedThreads());
        private final Producer<byte[], byte[]> deadLetters = new KafkaProducer<>(
                settings.client().producerProperties(settings.consumer().clientId() + "-dead-letters"));
        private final AutoCloseable deadLettersObserved = settings.client().observer().producerOpened(deadLetters);
        /** Failed attempts per delivery still in play; forgotten once it is sent or dead-lettered. */
        private final Map<DeliveryId, Integer> failedAttempts = new ConcurrentHashMap<>();
        /** Records of the current batch already dead-lettered, so a retried batch does not repeat them. */
        private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();

        @Override
        public void handle(ConsumerRecords<byte[], byte[]> batch, RecordBatchLoop.BatchContext context) throws Exception {
            Map<TelegramId, List<Pending>> byRecipient = new LinkedHashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                try {
                    Delivery delivery = BrokerMessageFormat.readDelivery(record.value());
                    byRecipient.computeIfAbsent(delivery.recipient(), key -> new ArrayList<>()).add(new Pending(record, delivery));
                } catch (UnreadableMessageException e) {
                    deadLetter(record, e.getMessage());
                }
            }

            List<Future<?>> recipients = new ArrayList<>(byRecipient.size());
            for (List<Pending> ofOneRecipient : byRecipient.values()) {
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
            deadLettered.clear();
        }

        /** Stops at the first failure: a later notification must not overtake an earlier one. */
        private void deliverInOrder(List<Pending> deliveries) {
            for (Pending pending : deliveries) {
                if (deadLettered.contains(where(pending.record()))) {
                    continue;
                }
                TraceHeaders.handleWithin(pending.record(), SpanNames.DELIVER, () -> deliver(pending));
            }
        }

        /** Under the trace of the checkpoint that caused it, so its every log line can be found. */
        private void deliver(Pending pending) {
            Delivery delivery = pending.delivery();
            try {
                DeliveryOutcome outcome = deliver.deliver(delivery);
                failedAttempts.remove(delivery.id());
                LOG.info("delivery {} to {}: {}", delivery.id(), delivery.recipient(), outcome);
            } catch (UnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                int attempts = failedAttempts.merge(delivery.id(), 1, Integer::sum);
                if (attempts < MAX_SEND_ATTEMPTS) {
                    throw e;
                }
                failedAttempts.remove(delivery.id());
                LOG.error("delivery {} failed {} times; dead-lettering it", delivery.id(), attempts, e);
                deadLetter(pending.record(), "sending failed " + attempts + " times: " + e);
            }
        }

        private static String where(ConsumerRecord<byte[], byte[]> record) {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }

        private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
            if (!deadLettered.add(where(record))) {
                return;
            }
            DeadLetter.send(deadLetters, record, settings.deliveries().deadLetterTopic(), settings.consumer().groupId(),
                    reason, settings.client().observer());
        }

        @Override
        public void close() {
            senders.shutdownNow();
            deadLetters.close(Duration.ofSeconds(10));
            KafkaClientObserver.end(deadLettersObserved);
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
