package io.parceltrack.memory;

import io.parceltrack.port.out.UnavailableException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a fixed set of single-threaded lanes, choosing the lane by key: tasks with equal
 * keys run in submission order, others in parallel. Failed tasks are retried on their lane: while
 * the failure is an {@link UnavailableException} (a dependency is down, e.g. the bot cannot reach
 * Telegram) for as long as it takes, since the message would otherwise be lost; any other failure
 * is a bug and is given up after {@code maxAttempts}.
 */
public final class PartitionedDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PartitionedDispatcher.class.getName());

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
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final RetryPolicy retry;
    private final Object idle = new Object();
    private long pending;

    public PartitionedDispatcher(String name, int laneCount, RetryPolicy retry) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("laneCount must be positive");
        }
        this.name = name;
        this.retry = retry;
        for (int i = 0; i < laneCount; i++) {
            String threadName = name + "-" + i;
            lanes.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    public void dispatch(Object key, Runnable task) {
        synchronized (idle) {
            pending++;
        }
        try {
            lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(() -> runWithRetries(task));
        } catch (RejectedExecutionException e) {
            done();
            throw new IllegalStateException(name + " is closed", e);
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
        } finally {
            done();
        }
    }

    private void done() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /** Waits until no task is queued or running, or until {@code deadlineNanos} (System.nanoTime). */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        synchronized (idle) {
            while (pending > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                lane.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
