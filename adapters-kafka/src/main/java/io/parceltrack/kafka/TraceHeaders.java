package io.parceltrack.kafka;

import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The W3C {@code traceparent} of a record, in a header of that name: written by the producing
 * side from the trace it works in, read by the consuming side to continue it while it handles the
 * record. What a header holds is not trusted: an overlong or malformed value counts as none.
 */
final class TraceHeaders {
    /** Longer values are ignored unread (a valid one has 55 bytes). */
    private static final int MAX_VALUE_BYTES = 256;

    private TraceHeaders() {}

    /** {@code record} with a header naming {@code traceparent} as the parent, unless it is {@code null}. */
    static <K, V> ProducerRecord<K, V> withTrace(ProducerRecord<K, V> record, String traceparent) {
        return withTraceparent(record, headerValue(traceparent));
    }

    /**
     * The header value naming the trace this thread works in as the parent, or {@code null}; for
     * many records of one trace, which may share the array (the producer only reads it).
     */
    static byte[] currentTraceparent() {
        return headerValue(CurrentTrace.traceparent());
    }

    /** {@code record} with {@code traceparent} (from {@link #currentTraceparent()}) as its header, unless it is {@code null}. */
    static <K, V> ProducerRecord<K, V> withTraceparent(ProducerRecord<K, V> record, byte[] traceparent) {
        if (traceparent != null) {
            record.headers().add(TraceContext.HEADER, traceparent);
        }
        return record;
    }

    private static byte[] headerValue(String traceparent) {
        return traceparent == null ? null : traceparent.getBytes(StandardCharsets.US_ASCII);
    }

    /** The record's {@code traceparent} header as text, or {@code null} if it has none of a sane size. */
    static String traceparent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TraceContext.HEADER);
        if (header == null || header.value() == null || header.value().length > MAX_VALUE_BYTES) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * Handles {@code record} within a span named {@code step} that continues the record's trace (if
     * it carries a valid one; else outside any trace), current on this thread while {@code handling}
     * runs; the span ends with it, failed if it throws.
     */
    static void handleWithin(ConsumerRecord<?, ?> record, String step, Runnable handling) {
        TraceSpan.continueIfAny(step, SpanKind.CONSUMER, traceparent(record))
                .attribute("messaging.system", "kafka")
                .attribute("messaging.destination.name", record.topic())
                .attribute("messaging.destination.partition.id", record.partition())
                .attribute("messaging.kafka.offset", record.offset())
                .run(handling);
    }
}
