package io.parceltrack.service;

import io.parceltrack.port.in.notification.RelayOutboxUseCase;
import java.time.Duration;

/**
 * Keeps relaying the outbox on a background thread: polls every {@code interval} while idle, backs
 * off exponentially (up to {@code maxBackoff}) while the broker or the database fails, and runs a
 * round as soon as {@link #wakeUp()} says a checkpoint was recorded (in this process or, through the
 * outbox store, in another).
 *
 * <p>A round drains the outbox until it finds fewer events than a batch, so it never needs a second
 * round of its own: new events wake it. After a round that published something it lingers for
 * {@code linger} before the next one, so that under load the events of a few milliseconds travel in
 * one database transaction and one Kafka transaction instead of one each; an event recorded while
 * the relay was idle goes at once.
 */
public final class OutboxRelayWorker implements AutoCloseable {
    private final PollingLoop loop;
    private final RelayOutboxUseCase relay;
    private final Duration linger;

    public OutboxRelayWorker(RelayOutboxUseCase relay, Duration interval, Duration maxBackoff) {
        this(relay, interval, maxBackoff, Duration.ZERO);
    }

    public OutboxRelayWorker(RelayOutboxUseCase relay, Duration interval, Duration maxBackoff, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
        this.relay = relay;
        this.linger = linger;
        this.loop = new PollingLoop("outbox-relay", interval, maxBackoff, this::round);
    }

    private boolean round() {
        if (relay.relayPending() > 0 && !linger.isZero()) {
            try {
                Thread.sleep(linger.toMillis(), linger.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Drained: what is recorded from now on wakes the loop (or the poll finds it).
        return false;
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
