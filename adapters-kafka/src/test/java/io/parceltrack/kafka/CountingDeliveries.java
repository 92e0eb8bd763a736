package io.parceltrack.kafka;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what the delivery consumer handed to the use case and what became of it, so that a test
 * can wait until every record on the topic, duplicates included, was handled.
 */
final class CountingDeliveries implements DeliverNotificationUseCase {
    private final DeliverNotificationUseCase deliver;
    private final Map<DeliveryOutcome, Integer> outcomes = new EnumMap<>(DeliveryOutcome.class);

    CountingDeliveries(DeliverNotificationUseCase deliver) {
        this.deliver = deliver;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        DeliveryOutcome outcome = deliver.deliver(delivery);
        synchronized (this) {
            outcomes.merge(outcome, 1, Integer::sum);
            notifyAll();
        }
        return outcome;
    }

    synchronized int count(DeliveryOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Waits until at least {@code count} deliveries were handled, whatever their outcome; returns how many were. */
    synchronized int awaitHandled(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return handled();
    }

    private int handled() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
