package io.parceltrack.bench.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Requests at a fixed rate whatever the server does (open loop), over up to {@code connections}
 * kept-alive connections, each with a client timeout: an answer that does not come within it counts
 * as timed out and is not sent again. Latency counts from the moment a request was due, so a client
 * that has to wait for a free connection is charged for it too.
 */
final class OpenLoopOverload {
    private final InetSocketAddress server;
    private final LongFunction<byte[]> requests;
    private final int connections;
    private final Duration timeout;

    OpenLoopOverload(InetSocketAddress server, LongFunction<byte[]> requests, int connections, Duration timeout) {
        this.server = server;
        this.requests = requests;
        this.connections = connections;
        this.timeout = timeout;
    }

    /** Sends {@code ratePerSecond} requests a second for {@code duration}, starting at {@code startNanos} (System.nanoTime). */
    OverloadTally run(double ratePerSecond, Duration duration, long startNanos) throws InterruptedException {
        int seconds = (int) Math.max(1, duration.toSeconds());
        OverloadTally tally = new OverloadTally(seconds);
        long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
        double intervalNanos = 1e9 / ratePerSecond;
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(server, (int) timeout.toMillis())) {
                    long n;
                    while ((n = next.getAndIncrement()) < total) {
                        long due = startNanos + (long) (n * intervalNanos);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        send(connection, requests.apply(n), due, (int) ((due - startNanos) / 1_000_000_000L), tally);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "overload-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return tally;
    }

    private static void send(HttpConnection connection, byte[] request, long due, int second, OverloadTally tally) {
        try {
            int status = connection.exchangeOrTimeOut(request);
            tally.answered(second, status, System.nanoTime() - due, connection.retryAfter() != null);
        } catch (SocketTimeoutException timedOut) {
            tally.timedOut(second);
        } catch (IOException | RuntimeException broken) {
            connection.close();
            tally.failed(second);
        }
    }
}
