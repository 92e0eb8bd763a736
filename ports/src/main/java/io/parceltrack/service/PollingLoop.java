package io.parceltrack.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs rounds of background work on a thread of its own: again at once after a busy round, after
 * {@code interval} after an idle one, and with exponential backoff (up to {@code maxBackoff}) while
 * rounds fail. {@link #wakeUp()} cuts the current wait short, so that new work need not wait for the
 * next poll; the poll stays as the safety net.
 */
final class PollingLoop {
    private static final System.Logger LOG = System.getLogger(PollingLoop.class.getName());

    /** One round of work. */
    @FunctionalInterface
    interface Round {
        /** @return whether there may be more work right away */
        boolean run();
    }

    private final String name;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Round round;
    private final Thread thread;
    private final Object signal = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private boolean woken;

    PollingLoop(String name, Duration interval, Duration maxBackoff, Round round) {
        this.name = name;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.round = round;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for a round now instead of at the next poll. */
    void wakeUp() {
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
                    wait = round.run() ? Duration.ZERO : interval;
                    backoff = interval;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, name + " failed, retrying in " + backoff.toMillis() + " ms: " + e);
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
    boolean stop(Duration timeout) throws InterruptedException {
        running = false;
        wakeUp();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
