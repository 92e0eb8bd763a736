package io.parceltrack.port.trace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of work this process does within a trace: a request, a call, a message handled. It opens
 * where the adapter takes the work over (continuing the caller's {@code traceparent} under a new
 * span id), is made current while the work runs ({@link #enter()}), and when {@link #end() ended}
 * is reported, with its parent, timing and outcome, to the app's {@link SpanRecorder}. Without a
 * trace to continue ({@link #continueIfAny}) it is a span of nothing: entering it clears the
 * current trace and ending it reports nothing.
 *
 * <p>The recorder is one per process, like the log context's observer: an exporter is a property of
 * the process, and the adapters that open spans are many and need nothing else from the app.
 */
public final class TraceSpan {
    private static volatile SpanRecorder recorder = SpanRecorder.NONE;

    private final TraceContext context;
    private final String parentSpanId;
    private final SpanKind kind;
    private final long startEpochNanos;
    private final long startNanoTime;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String name;
    private String error;
    private boolean ended;

    private TraceSpan(TraceContext context, String parentSpanId, String name, SpanKind kind) {
        this.context = context;
        this.parentSpanId = parentSpanId;
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        Instant now = Instant.now();
        this.startEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        this.startNanoTime = System.nanoTime();
    }

    /** Sends every span ended from now on to {@code newRecorder} (replacing any before; {@link SpanRecorder#NONE}: nowhere). */
    public static void reportTo(SpanRecorder newRecorder) {
        recorder = Objects.requireNonNull(newRecorder, "recorder");
    }

    /** Continues the trace of {@code traceparent} under a new span, or starts a trace if it is absent or malformed. */
    public static TraceSpan continueOrStart(String name, SpanKind kind, String traceparent) {
        return TraceContext.parse(traceparent)
                .map(parent -> new TraceSpan(parent.child(), parent.spanId(), name, kind))
                .orElseGet(() -> new TraceSpan(TraceContext.start(), null, name, kind));
    }

    /** Continues the trace of {@code traceparent} under a new span; a span of nothing if it is absent or malformed. */
    public static TraceSpan continueIfAny(String name, SpanKind kind, String traceparent) {
        return TraceContext.parse(traceparent)
                .map(parent -> new TraceSpan(parent.child(), parent.spanId(), name, kind))
                .orElseGet(() -> new TraceSpan(null, null, name, kind));
    }

    /** A new span under the one current on this thread; a span of nothing outside any trace. */
    public static TraceSpan childOfCurrent(String name, SpanKind kind) {
        return continueIfAny(name, kind, CurrentTrace.traceparent());
    }

    /** The span's ids; empty for a span of nothing. */
    public Optional<TraceContext> context() {
        return Optional.ofNullable(context);
    }

    /** The {@code traceparent} naming this span as the parent, or {@code null} for a span of nothing. */
    public String traceparent() {
        return context == null ? null : context.traceparent();
    }

    /** Renames the span, e.g. once the route a request matched is known. */
    public synchronized TraceSpan rename(String newName) {
        name = Objects.requireNonNull(newName, "name");
        return this;
    }

    /** Adds an attribute; without a recorder (no exporter) nothing reads it, so it is not kept. */
    public synchronized TraceSpan attribute(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (recorder != SpanRecorder.NONE) {
            attributes.put(key, String.valueOf(value));
        }
        return this;
    }

    /** Marks the work failed, for {@code reason} (a short description; never a secret). */
    public synchronized TraceSpan fail(String reason) {
        error = reason == null || reason.isBlank() ? "failed" : reason;
        return this;
    }

    /**
     * Makes the span the current trace of this thread until the scope closes (which restores what
     * was current before); for a span of nothing, no trace is current within the scope.
     */
    public CurrentTrace.Scope enter() {
        return context == null ? CurrentTrace.continueIfAny(null) : CurrentTrace.enter(context);
    }

    /**
     * Runs {@code work} on this thread within the span ({@link #enter()}), then ends the span,
     * failed (by the exception's type) if {@code work} throws, which it then rethrows.
     */
    public void run(Runnable work) {
        try (CurrentTrace.Scope ignored = enter()) {
            work.run();
        } catch (RuntimeException | Error e) {
            fail(e.getClass().getSimpleName());
            throw e;
        } finally {
            end();
        }
    }

    /**
     * Ends the span and reports it (once; later calls do nothing). A span of nothing, not sampled,
     * or ended while no recorder is set reports nothing and builds nothing: requests pay for spans
     * only when an exporter is configured.
     */
    public void end() {
        SpanRecorder target = recorder;
        FinishedSpan finished;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (context == null || !context.sampled() || target == SpanRecorder.NONE) {
                return;
            }
            long end = startEpochNanos + Math.max(0, System.nanoTime() - startNanoTime);
            finished = new FinishedSpan(context, parentSpanId, name, kind, startEpochNanos, end, error, attributes);
        }
        target.record(finished);
    }
}
