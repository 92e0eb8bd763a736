package io.parceltrack.apps.tracing;

import io.opentelemetry.sdk.trace.IdGenerator;
import io.parceltrack.port.trace.TraceContext;

/**
 * Hands the SDK the ids ParcelTrack already chose: the span being rebuilt for export is put here,
 * on the exporting thread, for exactly the synchronous {@code startSpan} call that asks for its ids,
 * so the exported span has the trace id and span id of the logs and the {@code traceparent}
 * headers. Outside such a call (nothing else starts spans in the SDK) it falls back to random ids.
 */
final class OurSpanIds implements IdGenerator {
    private static final IdGenerator RANDOM = IdGenerator.random();
    private final ThreadLocal<TraceContext> pending = new ThreadLocal<>();

    /** Makes {@code ids} the answer to this thread's next id questions, until {@link #clear()}. */
    void use(TraceContext ids) {
        pending.set(ids);
    }

    void clear() {
        pending.remove();
    }

    @Override
    public String generateSpanId() {
        TraceContext ids = pending.get();
        return ids == null ? RANDOM.generateSpanId() : ids.spanId();
    }

    @Override
    public String generateTraceId() {
        TraceContext ids = pending.get();
        return ids == null ? RANDOM.generateTraceId() : ids.traceId();
    }

    @Override
    public boolean generatesRandomTraceIds() {
        return true;
    }
}
