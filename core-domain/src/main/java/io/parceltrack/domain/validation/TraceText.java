package io.parceltrack.domain.validation;

/**
 * The rule for a trace context carried beside an event or a delivery ({@code traceparent}, or
 * what a later version writes): 1 to {@value #MAX_LENGTH} printable ASCII characters. Checked
 * every time such a record is built, several times per relayed event, so a plain loop.
 */
public final class TraceText {
    /** Longer than any {@code traceparent} this version writes or accepts. */
    public static final int MAX_LENGTH = 128;

    private TraceText() {}

    /** Whether {@code trace} may be carried; {@code null} is "no trace" and is not checked here. */
    public static boolean isValid(String trace) {
        if (trace.isEmpty() || trace.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < trace.length(); i++) {
            char c = trace.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
