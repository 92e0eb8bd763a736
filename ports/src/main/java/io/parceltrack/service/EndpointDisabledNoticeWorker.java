package io.parceltrack.service;

import java.time.Duration;

/**
 * Keeps passing on the notices of disabled webhook endpoints on a background thread: polls every
 * {@code interval}, backs off (up to {@code maxBackoff}) while the source or the messenger fails.
 * {@link #wakeUp()} shortens the wait when an endpoint was just disabled in this process.
 */
public final class EndpointDisabledNoticeWorker {
    private final PollingLoop loop;

    public EndpointDisabledNoticeWorker(EndpointDisabledNoticeService notices, Duration interval, Duration maxBackoff) {
        this.loop = new PollingLoop("webhook-notices", interval, maxBackoff, notices::passOnPendingRound);
    }

    public EndpointDisabledNoticeWorker start() {
        loop.start();
        return this;
    }

    public void wakeUp() {
        loop.wakeUp();
    }

    /** Stops after the round in progress, which finishes first; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        return loop.stop(timeout);
    }
}
