package io.parceltrack.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same action on many threads released at the same instant, to provoke races. */
public final class Concurrently {
    private Concurrently() {}

    /** Results of the threads that returned and exceptions of those that threw. */
    public record Outcomes<T>(List<T> results, List<Throwable> failures) {
        public int successes() {
            return results.size();
        }
    }

    public interface Action<T> {
        T run(int thread) throws Exception;
    }

    public static <T> Outcomes<T> run(int threads, Action<T> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    ready.countDown();
                    go.await();
                    return action.run(thread);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    failures.add(e);
                }
            }
            return new Outcomes<>(results, failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
