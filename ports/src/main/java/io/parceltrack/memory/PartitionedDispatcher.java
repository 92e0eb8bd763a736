package io.parceltrack.memory;

import io.parceltrack.lanes.KeyedLanes;
import io.parceltrack.port.out.UnavailableException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Runs tasks in lanes chosen by key, like a broker's partitions: tasks with equal keys run in
 * submission order, others in parallel on {@code laneCount} threads. Failed tasks are retried on
 * their lane: while the failure is an {@link UnavailableException} (a dependency is down, e.g. the
 * bot cannot reach Telegram) for as long as it takes, since the message would otherwise be lost; any
 * other failure is a bug and is given up after {@code maxAttempts}. A publisher that gets ahead of
 * a lane by {@value #BACKLOG_PER_KEY} tasks (or of all of them by {@value #BACKLOG}) waits for room.
 */
public final class PartitionedDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PartitionedDispatcher.class.getName());
    static final int BACKLOG_PER_KEY = 10_000;
    static final int BACKLOG = 100_000;

    /** How often and how patiently a failing task is retried. */
    public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public static RetryPolicy standard() {
            return new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(10));
        }

        Duration backoff(int attempt) {
            long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    private final String name;
    private final KeyedLanes<Object> lanes;
    private final RetryPolicy retry;

    public PartitionedDispatcher(String name, int laneCount, RetryPolicy retry) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("laneCount must be positive");
        }
        this.name = name;
        this.retry = retry;
        this.lanes = new KeyedLanes<>(name, laneCount, BACKLOG_PER_KEY, BACKLOG);
    }

    public void dispatch(Object key, Runnable task) {
        try {
            lanes.put(key, KeyedLanes.Task.of(() -> runWithRetries(task)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting for room", e);
        }
    }

    private void runWithRetries(Runnable task) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    task.run();
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= retry.maxAttempts() && !(e instanceof UnavailableException)) {
                        LOG.log(Level.ERROR, name + ": giving up a message after " + attempt + " attempts", e);
                        return;
                    }
                    LOG.log(Level.WARNING, name + ": attempt " + attempt + " failed, retrying: " + e);
                    Thread.sleep(retry.backoff(attempt).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no task is queued or running, or until {@code deadlineNanos} (System.nanoTime). */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        return lanes.awaitIdle(deadlineNanos);
    }

    @Override
    public void close() {
        lanes.close(Duration.ofSeconds(5));
    }
}
