package io.parceltrack.apps.logging;

import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Copies the current trace into the log context, so that every line written within a traced unit
 * of work (JSON: fields {@code trace_id} and {@code span_id}; plain text: in the MDC part) can be
 * found by the trace id, in any process the work crossed; and removes them when the work ends.
 */
public final class TraceLogContext {
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";

    private TraceLogContext() {}

    /** Makes every change of the current trace show in the log context of its thread. */
    public static void install() {
        CurrentTrace.observe(TraceLogContext::show);
    }

    static void show(Optional<TraceContext> trace) {
        if (trace.isPresent()) {
            MDC.put(TRACE_ID, trace.get().traceId());
            MDC.put(SPAN_ID, trace.get().spanId());
        } else {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
