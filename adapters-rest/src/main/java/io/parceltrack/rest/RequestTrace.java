package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;

/**
 * Every request works within a trace: the caller's, continued under a span of this request, when it
 * sends a valid W3C {@code traceparent}; else a new one (a malformed header is ignored, never
 * echoed). The request's span is answered in the {@code traceparent} response header, so a client
 * can quote the trace id and an operator grep every process's logs for it. The trace stays current
 * on the request's thread until {@link AccessLog} has logged the request; then the span ends, named
 * {@code <method> <route>} and failed for a 5xx answer.
 */
final class RequestTrace {
    private static final String SPAN_ATTRIBUTE = "parceltrack.traceSpan";
    private static final String SCOPE_ATTRIBUTE = "parceltrack.traceScope";

    private RequestTrace() {}

    static void begin(Context ctx) {
        TraceSpan span = TraceSpan.continueOrStart(ctx.method().name(), SpanKind.SERVER, ctx.header(TraceContext.HEADER));
        ctx.attribute(SPAN_ATTRIBUTE, span);
        ctx.attribute(SCOPE_ATTRIBUTE, span.enter());
        ctx.header(TraceContext.HEADER, span.traceparent());
    }

    /** Ends the request's trace on this thread (Jetty reuses threads); nothing if it never began. */
    static void end(Context ctx) {
        CurrentTrace.Scope scope = ctx.attribute(SCOPE_ATTRIBUTE);
        TraceSpan span = ctx.attribute(SPAN_ATTRIBUTE);
        if (scope == null || span == null) {
            return;
        }
        ctx.attribute(SCOPE_ATTRIBUTE, null);
        ctx.attribute(SPAN_ATTRIBUTE, null);
        scope.close();
        String route = AccessLog.routeOf(ctx);
        int status = ctx.statusCode();
        span.rename(ctx.method().name() + " " + route)
                .attribute("http.request.method", ctx.method().name())
                .attribute("http.route", route)
                .attribute("http.response.status_code", status);
        if (status >= 500) {
            span.fail("HTTP " + status);
        }
        span.end();
    }
}
