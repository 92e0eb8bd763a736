package io.parceltrack.service;

import io.parceltrack.port.in.notification.RelayOutboxUseCase;
import java.time.Duration;

/**
 * Keeps relaying the outbox on a background thread: polls every {@code interval} while idle, backs
 * off exponentially (up to {@code maxBackoff}) while the broker or the database fails, and goes
 * again at once after a busy round. {@link #wakeUp()} shortens the wait when a checkpoint was just
 * recorded in this process.
 */
public final class OutboxRelayWorker implements AutoCloseable {
    private final PollingLoop loop;

    public OutboxRelayWorker(RelayOutboxUseCase relay, Duration interval, Duration maxBackoff) {
        this.loop = new PollingLoop("outbox-relay", interval, maxBackoff, () -> relay.relayPending() > 0);
    }

    public OutboxRelayWorker start() {
        loop.start();
        return this;
    }

    /** Asks for a relay round now instead of at the next poll. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Stops after the round in progress, which finishes first; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        return loop.stop(timeout);
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
