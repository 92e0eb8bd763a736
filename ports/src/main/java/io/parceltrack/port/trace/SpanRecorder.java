package io.parceltrack.port.trace;

/**
 * Where ended spans go: the app's exporter when one is configured, else nowhere. Called on the
 * thread that ended the span, so it must hand the span off without blocking or throwing.
 */
@FunctionalInterface
public interface SpanRecorder {
    /** Records nothing: the default, and what an app without an exporter keeps. */
    SpanRecorder NONE = span -> {};

    void record(FinishedSpan span);
}
