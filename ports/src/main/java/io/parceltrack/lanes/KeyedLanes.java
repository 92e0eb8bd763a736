package io.parceltrack.lanes;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Work sorted into one lane per key: the tasks of a key run one after another in the order they
 * came, tasks of different keys run side by side on a few worker threads, and keys with work take
 * turns. A task may end later than its {@link Task#start()} returns (e.g. when its messages are
 * sent); its lane waits for that without holding a thread.
 *
 * <p>Both the backlog of one key and the backlog of all keys together are bounded. {@link #offer}
 * refuses a task whose key's lane is full, so that one flooding key cannot crowd out the others;
 * {@link #put} waits for room instead. Either waits while all lanes together are full.
 *
 * @param <K> the key, e.g. a chat id or a track number
 */
public final class KeyedLanes<K> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KeyedLanes.class.getName());
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** One unit of work; its lane moves on when the stage it returns completes (either way). */
    @FunctionalInterface
    public interface Task {
        CompletionStage<?> start();

        /** A task that ends when {@code work} returns. */
        static Task of(Runnable work) {
            return () -> {
                work.run();
                return DONE;
            };
        }
    }

    private final class Lane {
        final K key;
        /** The task in progress first, then the waiting ones. */
        final ArrayDeque<Task> tasks = new ArrayDeque<>();
        boolean dropped;

        Lane(K key) {
            this.key = key;
        }
    }

    private final String name;
    private final int perKeyCapacity;
    private final int totalCapacity;
    private final ExecutorService workers;
    private final Object lock = new Object();
    private final Map<K, Lane> lanes = new HashMap<>();
    private int total;
    private boolean open = true;

    /**
     * @param workers threads that run tasks (of different keys) at the same time
     * @param perKeyCapacity tasks of one key, in progress or waiting, at most
     * @param totalCapacity tasks of all keys together, at most
     */
    public KeyedLanes(String name, int workers, int perKeyCapacity, int totalCapacity) {
        if (workers < 1 || perKeyCapacity < 1 || totalCapacity < perKeyCapacity) {
            throw new IllegalArgumentException("workers and capacities must be positive, the total at least one key's");
        }
        this.name = name;
        this.perKeyCapacity = perKeyCapacity;
        this.totalCapacity = totalCapacity;
        int[] next = {0};
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + next[0]++);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues {@code task} on {@code key}'s lane unless that lane is full (then {@code false}).
     *
     * @throws IllegalStateException once closed
     * @throws InterruptedException while waiting for room among all lanes
     */
    public boolean offer(K key, Task task) throws InterruptedException {
        return enqueue(key, task, false);
    }

    /** Queues {@code task} on {@code key}'s lane, waiting for room if need be. */
    public void put(K key, Task task) throws InterruptedException {
        enqueue(key, task, true);
    }

    private boolean enqueue(K key, Task task, boolean waitForKey) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (!open) {
                    throw new IllegalStateException(name + " is closed");
                }
                Lane existing = lanes.get(key);
                boolean keyFull = existing != null && existing.tasks.size() >= perKeyCapacity;
                if (keyFull && !waitForKey) {
                    return false;
                }
                if (!keyFull && total < totalCapacity) {
                    break;
                }
                lock.wait();
            }
            Lane lane = lanes.computeIfAbsent(key, Lane::new);
            lane.tasks.addLast(task);
            total++;
            if (lane.tasks.size() == 1) {
                schedule(lane);
            }
            return true;
        }
    }

    /** Tasks in progress or waiting, of all keys. */
    public int backlog() {
        synchronized (lock) {
            return total;
        }
    }

    /** Waits until no task is queued or in progress, or until {@code deadlineNanos} ({@link System#nanoTime}). */
    public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            while (total > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private void schedule(Lane lane) {
        try {
            workers.execute(() -> runFirst(lane));
        } catch (RejectedExecutionException e) {
            // Closed for good: what is left in the lane is dropped with it.
            drop(lane);
        }
    }

    private void runFirst(Lane lane) {
        Task task;
        synchronized (lock) {
            task = lane.tasks.peekFirst();
        }
        CompletionStage<?> stage;
        try {
            stage = task.start();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, name + ": a task of " + lane.key + " failed", e);
            stage = DONE;
        }
        (stage == null ? DONE : stage).whenComplete((result, failure) -> finished(lane));
    }

    private void finished(Lane lane) {
        synchronized (lock) {
            if (lane.dropped) {
                return;
            }
            lane.tasks.pollFirst();
            total--;
            lock.notifyAll();
            if (lane.tasks.isEmpty()) {
                lanes.remove(lane.key);
                return;
            }
        }
        schedule(lane);
    }

    private void drop(Lane lane) {
        synchronized (lock) {
            if (!lane.dropped) {
                lane.dropped = true;
                lanes.remove(lane.key, lane);
                total -= lane.tasks.size();
                LOG.log(Level.WARNING, name + ": closed with " + lane.tasks.size() + " task(s) of " + lane.key
                        + " left undone");
                lane.tasks.clear();
                lock.notifyAll();
            }
        }
    }

    /** Takes no more tasks, lets the queued ones finish for up to {@code grace}, then stops the rest. */
    public void close(Duration grace) {
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            lock.notifyAll();
        }
        try {
            awaitIdle(System.nanoTime() + grace.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        synchronized (lock) {
            new ArrayList<>(lanes.values()).forEach(this::drop);
        }
    }

    /** {@link #close(Duration)} with five seconds' grace. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
