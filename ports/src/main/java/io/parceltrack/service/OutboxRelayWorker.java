package io.parceltrack.service;

import io.parceltrack.port.in.notification.RelayOutboxUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps relaying the outbox on a background thread: polls every {@code interval} while idle, backs
 * off exponentially (up to {@code maxBackoff}) while the broker or the database fails, and goes
 * again at once after a busy round. {@link #wakeUp()} shortens the wait when a checkpoint was just
 * recorded in this process.
 */
public final class OutboxRelayWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelayWorker.class.getName());

    private final RelayOutboxUseCase relay;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Thread thread;
    private final Object signal = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private boolean woken;

    public OutboxRelayWorker(RelayOutboxUseCase relay, Duration interval, Duration maxBackoff) {
        this.relay = relay;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::loop, "outbox-relay");
        this.thread.setDaemon(true);
    }

    public OutboxRelayWorker start() {
        thread.start();
        return this;
    }

    /** Asks for a relay round now instead of at the next poll. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        Duration backoff = interval;
        try {
            while (running) {
                Duration wait;
                try {
                    int relayed = relay.relayPending();
                    backoff = interval;
                    wait = relayed > 0 ? Duration.ZERO : interval;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "outbox relay failed, retrying in " + backoff.toMillis() + " ms: " + e);
                    wait = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
                pause(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void pause(Duration wait) throws InterruptedException {
        synchronized (signal) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (running && !woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            woken = false;
        }
    }

    /** Stops after the round in progress, which finishes first; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        running = false;
        wakeUp();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
