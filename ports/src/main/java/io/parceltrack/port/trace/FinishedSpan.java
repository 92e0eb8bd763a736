package io.parceltrack.port.trace;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One span of work as it ended, in ParcelTrack's own ids: what an exporter turns into its format.
 *
 * @param context the span's trace id and span id, as the logs and {@code traceparent} show them
 * @param parentSpanId the span it continued, in this or another process; {@code null} for the trace's first
 * @param error why the work failed, or {@code null} when it succeeded
 * @param attributes what the span was about (route, status, topic...), never secrets or message bodies
 */
public record FinishedSpan(TraceContext context, String parentSpanId, String name, SpanKind kind,
        long startEpochNanos, long endEpochNanos, String error, Map<String, String> attributes) {
    public FinishedSpan {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (endEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException("a span cannot end before it started");
        }
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentSpanId);
    }

    public boolean failed() {
        return error != null;
    }
}
