package io.parceltrack.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Overload protection in front of every route: at most {@code maxConcurrent} requests are handled
 * at once; one more is answered {@code 503} with {@code Retry-After} at once, without queueing,
 * rather than waiting in Jetty's queue until the client times out. The work in progress (and the
 * memory it holds) stays bounded however hard clients push, and the server is itself again as soon
 * as the flood stops. Health probes pass always, so that an orchestrator does not restart a busy
 * but healthy server, and so do scrapes of {@code /metrics}, so that monitoring sees the overload
 * instead of a gap (the overload run found heap samples refused with 503 most seconds).
 */
final class ConcurrencyLimit extends Handler.Wrapper {
    private final Semaphore permits;
    private final String retryAfterSeconds;
    private final byte[] body;
    private final AtomicLong refused = new AtomicLong();

    ConcurrencyLimit(int maxConcurrent, Duration retryAfter, ApiJson json) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive");
        }
        this.permits = new Semaphore(maxConcurrent);
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        this.body = json.write(Problem.forStatus(503, "the server is busy; try again after Retry-After seconds", null))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith("/health/") || path.equals(MetricsEndpoint.PATH)) {
            return super.handle(request, response, callback);
        }
        if (!permits.tryAcquire()) {
            refused.incrementAndGet();
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
        Runnable release = permits::release;
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, release));
            return handled;
        } finally {
            if (!handled) {
                permits.release();
            }
        }
    }

    /** Requests refused so far (for tests and metrics). */
    long refused() {
        return refused.get();
    }
}
