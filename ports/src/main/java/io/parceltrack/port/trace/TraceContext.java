package io.parceltrack.port.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Where a unit of work stands in a trace: the W3C Trace Context ids that a {@code traceparent}
 * header carries ({@code 00-<trace id>-<span id>-<flags>}). Each process that takes over the work
 * continues the trace under a span of its own ({@link #child()}), so every log line of one request,
 * in whichever process, shares the trace id.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero
 * @param flags the trace flags (bit 0: sampled)
 */
public record TraceContext(String traceId, String spanId, int flags) {
    /** The header's name, in HTTP, gRPC metadata and Kafka record headers alike. */
    public static final String HEADER = "traceparent";
    /** Headers longer than this are refused unread; version 00 is 55 characters. */
    static final int MAX_HEADER_LENGTH = 256;
    private static final int TRACE_ID_LENGTH = 32;
    private static final int SPAN_ID_LENGTH = 16;
    private static final int VERSION_00_LENGTH = 55;
    private static final int SAMPLED = 1;
    private static final HexFormat HEX = HexFormat.of();

    public TraceContext {
        if (!isId(traceId, TRACE_ID_LENGTH)) {
            throw new IllegalArgumentException("a trace id is 32 lowercase hex digits, not all zero");
        }
        if (!isId(spanId, SPAN_ID_LENGTH)) {
            throw new IllegalArgumentException("a span id is 16 lowercase hex digits, not all zero");
        }
        if (flags < 0 || flags > 0xff) {
            throw new IllegalArgumentException("trace flags are one byte");
        }
    }

    /** A new trace, sampled, with its first span. */
    public static TraceContext start() {
        return start(ThreadLocalRandom.current());
    }

    static TraceContext start(RandomGenerator random) {
        return new TraceContext(randomId(random, TRACE_ID_LENGTH), randomId(random, SPAN_ID_LENGTH), SAMPLED);
    }

    /** The next span of the same trace, as a process taking over the work opens it. */
    public TraceContext child() {
        return child(ThreadLocalRandom.current());
    }

    TraceContext child(RandomGenerator random) {
        return new TraceContext(traceId, randomId(random, SPAN_ID_LENGTH), flags);
    }

    /**
     * Reads a {@code traceparent} header value; empty if it is absent or malformed (a caller then
     * starts a trace of its own rather than trust it). Version {@code 00} must be exactly that
     * format; a later version is read by its first four fields, as the specification asks.
     */
    public static Optional<TraceContext> parse(String header) {
        if (header == null || header.length() < VERSION_00_LENGTH || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String version = header.substring(0, 2);
        if (!isHex(version) || version.equals("ff")
                || (version.equals("00") && header.length() != VERSION_00_LENGTH)
                || (header.length() > VERSION_00_LENGTH && header.charAt(VERSION_00_LENGTH) != '-')
                || header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = header.substring(3, 35);
        String spanId = header.substring(36, 52);
        String flags = header.substring(53, 55);
        if (!isId(traceId, TRACE_ID_LENGTH) || !isId(spanId, SPAN_ID_LENGTH) || !isHex(flags)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceId, spanId, Integer.parseInt(flags, 16)));
    }

    /** The {@code traceparent} header value (version 00) naming this span as the parent. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + HEX.toHexDigits((byte) flags);
    }

    public boolean sampled() {
        return (flags & SAMPLED) != 0;
    }

    private static String randomId(RandomGenerator random, int hexDigits) {
        byte[] bytes = new byte[hexDigits / 2];
        do {
            random.nextBytes(bytes);
        } while (allZero(bytes));
        return HEX.formatHex(bytes);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    // Plain loops, not streams: ids are checked several times per relayed event (EventTraceBenchmark:
    // 0.86 -> 0.22 us an event), and the streams showed up in the relay's profile (docs/BENCHMARKS.md).
    private static boolean isId(String id, int length) {
        if (id == null || id.length() != length || !isHex(id)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
