package io.parceltrack.port.trace;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trace of the unit of work this thread is doing (a request, a call, a record), set by the
 * adapter that received it for exactly as long as it handles it, and read by what the work sends
 * on: gRPC calls, outbox events, broker records. An adapter handing work to another thread opens
 * the scope again there.
 *
 * <p>The app may register one observer (the logging setup, which copies the ids into each log
 * line's context); it is told of every change on the changing thread.
 */
public final class CurrentTrace {
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();
    private static volatile Consumer<Optional<TraceContext>> observer = change -> {};

    private CurrentTrace() {}

    /** The trace this thread works within, if any. */
    public static Optional<TraceContext> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current trace's {@code traceparent}, or {@code null} outside any trace. */
    public static String traceparent() {
        TraceContext current = CURRENT.get();
        return current == null ? null : current.traceparent();
    }

    /**
     * Makes {@code trace} current until the scope is closed, which restores what was current
     * before (so scopes nest). Close it on the same thread, in a finally or try-with-resources.
     */
    public static Scope enter(TraceContext trace) {
        return replace(Objects.requireNonNull(trace, "trace"));
    }

    /** Continues the trace of {@code traceparent} under a new span, or starts a trace if it is absent or malformed. */
    public static Scope continueOrStart(String traceparent) {
        return enter(TraceContext.parse(traceparent).map(TraceContext::child).orElseGet(TraceContext::start));
    }

    /** Continues the trace of {@code traceparent} under a new span; no trace at all if it is absent or malformed. */
    public static Scope continueIfAny(String traceparent) {
        return replace(TraceContext.parse(traceparent).map(TraceContext::child).orElse(null));
    }

    /** Registers the one observer of changes (replacing any before). */
    public static void observe(Consumer<Optional<TraceContext>> newObserver) {
        observer = Objects.requireNonNull(newObserver, "observer");
    }

    private static Scope replace(TraceContext traceOrNull) {
        TraceContext previous = CURRENT.get();
        set(traceOrNull);
        return () -> set(previous);
    }

    private static void set(TraceContext trace) {
        if (trace == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(trace);
        }
        observer.accept(Optional.ofNullable(trace));
    }

    /** A trace made current; closing it restores the one before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
