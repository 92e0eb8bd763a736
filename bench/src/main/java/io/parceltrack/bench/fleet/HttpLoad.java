package io.parceltrack.bench.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * HTTP load on one server from threads of {@link HttpConnection}s.
 *
 * <p>{@link #closedLoop}: N clients, each sending its next request when the previous one is
 * answered; gives the throughput at that concurrency. {@link #openLoop}: requests scheduled at a
 * fixed rate whatever the answers do, each one's latency counted from the moment it was due (so a
 * server that falls behind is charged for the queue it causes, as pgbench {@code --rate} does).
 */
final class HttpLoad {
    private static final int FAILURE_SAMPLES = 5;

    private final InetSocketAddress server;
    private final int expectedStatus;
    private final LongFunction<byte[]> requests;

    /** {@code requests} gives the bytes of the n-th request. */
    HttpLoad(InetSocketAddress server, int expectedStatus, LongFunction<byte[]> requests) {
        this.server = server;
        this.expectedStatus = expectedStatus;
        this.requests = requests;
    }

    LoadResult closedLoop(int clients, Duration duration) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        return run(clients, worker -> {
            try (HttpConnection connection = new HttpConnection(server)) {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    worker.exchange(connection, requests.apply(sequence.getAndIncrement()), sent, true);
                }
            }
        });
    }

    /**
     * {@code ratePerSecond} requests per second for {@code duration}, over up to {@code connections}
     * connections. The requests due in the first {@code unmeasured} are sent and counted but their
     * latencies left out, as pgbench's are ({@link Pgbench#openLoop}): the first requests on new
     * connections say how connections open, not how the server keeps up with the rate.
     */
    LoadResult openLoop(double ratePerSecond, Duration duration, int connections, Duration unmeasured)
            throws InterruptedException {
        long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long firstMeasured = (long) (ratePerSecond * unmeasured.toNanos() / 1e9);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        return run(connections, worker -> {
            try (HttpConnection connection = new HttpConnection(server)) {
                long n;
                while ((n = next.getAndIncrement()) < total) {
                    long due = start + n * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    worker.exchange(connection, requests.apply(n), due, n >= firstMeasured);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Body {
        void run(Worker worker) throws InterruptedException;
    }

    private LoadResult run(int threads, Body body) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            Thread thread = new Thread(() -> {
                try {
                    body.run(worker);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + i);
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long successes = workers.stream().mapToLong(worker -> worker.successes).sum();
        long failures = workers.stream().mapToLong(worker -> worker.failures).sum();
        long[] all = new long[workers.stream().mapToInt(worker -> worker.count).sum()];
        int at = 0;
        List<String> samples = new ArrayList<>();
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
            samples.addAll(worker.failureSamples);
        }
        return new LoadResult(successes, failures, seconds, LoadResult.distribution(all, at),
                samples.subList(0, Math.min(FAILURE_SAMPLES, samples.size())));
    }

    private final class Worker {
        private long[] latencies = new long[1 << 14];
        private int count;
        private long successes;
        private long failures;
        private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());

        void exchange(HttpConnection connection, byte[] request, long countedFrom, boolean measured) {
            try {
                int status = connection.exchange(request);
                long answered = System.nanoTime();
                if (status == expectedStatus) {
                    successes++;
                    if (!measured) {
                        return;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = answered - countedFrom;
                } else {
                    fail("HTTP " + status);
                }
            } catch (IOException | RuntimeException e) {
                connection.close();
                fail(e.toString());
            }
        }

        private void fail(String why) {
            failures++;
            if (failureSamples.size() < FAILURE_SAMPLES) {
                failureSamples.add(why);
            }
        }
    }
}
