package io.parceltrack.contract;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.out.Messenger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link Messenger} for tests: remembers what it sent; some recipients can be made unreachable. */
public final class RecordingMessenger implements Messenger {
    private final List<Delivery> sent = new ArrayList<>();
    private final Set<TelegramId> unreachable = ConcurrentHashMap.newKeySet();

    public void makeUnreachable(TelegramId recipient) {
        unreachable.add(recipient);
    }

    @Override
    public synchronized SendResult sendNotification(Delivery delivery) {
        if (unreachable.contains(delivery.recipient())) {
            return SendResult.RECIPIENT_UNREACHABLE;
        }
        sent.add(delivery);
        notifyAll();
        return SendResult.SENT;
    }

    public synchronized List<Delivery> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Delivery> sentTo(TelegramId recipient) {
        return sent.stream().filter(d -> d.recipient().equals(recipient)).toList();
    }

    /** Waits until at least {@code count} notifications were sent, or the timeout passes. */
    public synchronized List<Delivery> awaitSent(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(sent);
    }
}
