package io.parceltrack.bench.rest;

import io.parceltrack.bench.report.Distribution;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * N workers, each sending its next request as soon as the previous one is answered, for a fixed
 * time. Closed loop: when the server slows down, the offered load drops with it, so the latencies
 * are those of a saturated server and say nothing of requests that would have queued behind it
 * (no coordinated-omission correction).
 */
final class ClosedLoopLoad {
    private static final int FAILURE_SAMPLES = 5;

    private final HttpClient client;
    private final LongSupplier serverCpuNanos;

    ClosedLoopLoad(HttpClient client, LongSupplier serverCpuNanos) {
        this.client = client;
        this.serverCpuNanos = serverCpuNanos;
    }

    LoadRound run(RestScenario scenario, int workers, Duration duration) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Worker[] running = new Worker[workers];
        Thread[] threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            running[i] = new Worker(scenario, start, i);
            threads[i] = new Thread(running[i], "load-" + i);
            threads[i].start();
        }
        long cpuBefore = serverCpuNanos.getAsLong();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        for (Worker worker : running) {
            worker.deadline = end;
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long serverCpu = serverCpuNanos.getAsLong() - cpuBefore;

        long successes = 0;
        long failures = 0;
        List<String> samples = new ArrayList<>();
        for (Worker worker : running) {
            successes += worker.successes;
            failures += worker.failures;
            samples.addAll(worker.failureSamples);
        }
        double[] latencies = new double[(int) successes];
        int at = 0;
        for (Worker worker : running) {
            for (int i = 0; i < worker.successes; i++) {
                latencies[at++] = worker.latencyNanos[i] / 1e6;
            }
        }
        Distribution latency = latencies.length == 0 ? Distribution.of(Double.NaN) : Distribution.of(latencies);
        return new LoadRound(scenario.name(), workers, successes, failures, seconds, serverCpu, latency,
                samples.subList(0, Math.min(FAILURE_SAMPLES, samples.size())));
    }

    private final class Worker implements Runnable {
        private final RestScenario scenario;
        private final CountDownLatch start;
        private final long firstSequence;
        private volatile long deadline;
        private long[] latencyNanos = new long[1 << 14];
        private int successes;
        private long failures;
        private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());

        Worker(RestScenario scenario, CountDownLatch start, int index) {
            this.scenario = scenario;
            this.start = start;
            // Workers start at different track numbers so they rarely touch the same parcel at once.
            this.firstSequence = index * 7919L;
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long sequence = firstSequence;
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                try {
                    HttpResponse<Void> response =
                            client.send(scenario.requests().request(sequence++), HttpResponse.BodyHandlers.discarding());
                    long answered = System.nanoTime();
                    if (response.statusCode() == scenario.expectedStatus()) {
                        record(answered - sent);
                    } else {
                        fail("HTTP " + response.statusCode());
                    }
                } catch (IOException e) {
                    fail(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void record(long nanos) {
            if (successes == latencyNanos.length) {
                latencyNanos = Arrays.copyOf(latencyNanos, latencyNanos.length * 2);
            }
            latencyNanos[successes++] = nanos;
        }

        private void fail(String why) {
            failures++;
            if (failureSamples.size() < FAILURE_SAMPLES) {
                failureSamples.add(why);
            }
        }
    }
}
