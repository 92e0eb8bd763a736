package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;

/**
 * Every request works within a trace: the caller's, continued under a span of this request, when it
 * sends a valid W3C {@code traceparent}; else a new one (a malformed header is ignored, never
 * echoed). The request's span is answered in the {@code traceparent} response header, so a client
 * can quote the trace id and an operator grep every process's logs for it. The trace stays current
 * on the request's thread until {@link AccessLog} has logged the request.
 */
final class RequestTrace {
    private static final String SCOPE_ATTRIBUTE = "parceltrack.traceScope";

    private RequestTrace() {}

    static void begin(Context ctx) {
        CurrentTrace.Scope scope = CurrentTrace.continueOrStart(ctx.header(TraceContext.HEADER));
        ctx.attribute(SCOPE_ATTRIBUTE, scope);
        ctx.header(TraceContext.HEADER, CurrentTrace.traceparent());
    }

    /** Ends the request's trace on this thread (Jetty reuses threads); nothing if it never began. */
    static void end(Context ctx) {
        CurrentTrace.Scope scope = ctx.attribute(SCOPE_ATTRIBUTE);
        if (scope != null) {
            ctx.attribute(SCOPE_ATTRIBUTE, null);
            scope.close();
        }
    }
}
