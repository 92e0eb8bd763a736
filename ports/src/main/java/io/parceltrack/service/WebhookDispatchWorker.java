package io.parceltrack.service;

import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.in.webhook.DeliverWebhooksUseCase;
import io.parceltrack.port.trace.CurrentTrace;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due webhooks on a fixed pool of {@code senders} threads of their own, apart from everything
 * else the app does (Telegram notifications included). Each endpoint is served by at most one thread
 * at a time, so a slow or hanging endpoint holds one thread (for at most the sender's time-outs) and
 * every other endpoint goes on; the pool, and the number of deliveries claimed, stay bounded. Polls
 * every {@code pollInterval} when idle; {@link #wakeUp()} starts a round at once.
 */
public final class WebhookDispatchWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebhookDispatchWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DeliverWebhooksUseCase deliveries;
    private final int senders;
    private final ExecutorService pool;
    private final Set<WebhookEndpointId> busy = ConcurrentHashMap.newKeySet();
    private final PollingLoop loop;

    public WebhookDispatchWorker(DeliverWebhooksUseCase deliveries, int senders, Duration pollInterval) {
        if (senders < 1) {
            throw new IllegalArgumentException("senders must be positive");
        }
        this.deliveries = deliveries;
        this.senders = senders;
        AtomicInteger next = new AtomicInteger(1);
        this.pool = Executors.newFixedThreadPool(senders, task -> {
            Thread sender = new Thread(task, "webhook-sender-" + next.getAndIncrement());
            sender.setDaemon(true);
            return sender;
        });
        this.loop = new PollingLoop("webhook-dispatch", pollInterval, MAX_BACKOFF, this::round);
    }

    public WebhookDispatchWorker start() {
        loop.start();
        return this;
    }

    /** Asks for a round now: deliveries were just scheduled, or a sender became free. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Claims as many due deliveries as there are free senders; busy when it filled them all. */
    private boolean round() {
        int free = senders - busy.size();
        if (free <= 0) {
            return false;   // a sender that finishes wakes the loop
        }
        List<ScheduledDelivery> claimed = deliveries.claimDue(free, Set.copyOf(busy));
        dispatch(claimed);
        return claimed.size() == free;
    }

    /** One task per endpoint, which attempts that endpoint's claimed deliveries in their order. */
    private void dispatch(List<ScheduledDelivery> claimed) {
        Map<WebhookEndpointId, List<ScheduledDelivery>> byEndpoint = new LinkedHashMap<>();
        claimed.forEach(delivery -> byEndpoint.computeIfAbsent(delivery.endpoint(), key -> new ArrayList<>()).add(delivery));
        byEndpoint.forEach((endpoint, ofEndpoint) -> {
            busy.add(endpoint);
            pool.execute(() -> {
                try {
                    ofEndpoint.forEach(this::attempt);
                } finally {
                    busy.remove(endpoint);
                    wakeUp();
                }
            });
        });
    }

    private void attempt(ScheduledDelivery delivery) {
        try {
            deliveries.attempt(delivery);
        } catch (RuntimeException e) {
            // Its lease runs out and it is claimed again: delayed, not lost. Logged under its trace.
            try (CurrentTrace.Scope ignored = CurrentTrace.continueIfAny(delivery.trace())) {
                LOG.log(Level.WARNING, "webhook " + delivery.message().id() + " to " + delivery.endpoint()
                        + " could not be attempted, it will be retried: " + e);
            }
        }
    }

    /** Stops claiming, lets attempts in progress finish; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean loopEnded = loop.stop(timeout);
        pool.shutdown();
        boolean sendersEnded = pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!sendersEnded) {
            pool.shutdownNow();
        }
        return loopEnded && sendersEnded;
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
