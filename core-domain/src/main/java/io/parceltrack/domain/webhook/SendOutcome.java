package io.parceltrack.domain.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * What one attempt to post a webhook came to: the receiver's status code (0 if none came), how long
 * it took, what went wrong ({@code ""} if nothing), and whether trying again could help.
 */
public record SendOutcome(int statusCode, Duration latency, String error, Verdict verdict) {
    public static final int NO_STATUS = 0;
    /** Error texts are shown to managers and stored; a receiver's words are cut to this length. */
    public static final int MAX_ERROR_CHARS = 300;

    public enum Verdict {
        /** A 2xx: done. */
        DELIVERED,
        /** Worth another try: 408, 429, 5xx, other non-2xx answers, time-outs, connection errors. */
        RETRY,
        /** Trying again will not help: other 4xx answers, a refused destination. */
        FINAL
    }

    public SendOutcome {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(verdict, "verdict");
        error = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
    }

    /** The verdict on an answer with {@code statusCode}; {@code detail} says more if it failed. */
    public static SendOutcome answered(int statusCode, Duration latency, String detail) {
        if (statusCode >= 200 && statusCode < 300) {
            return new SendOutcome(statusCode, latency, "", Verdict.DELIVERED);
        }
        boolean final4xx = statusCode >= 400 && statusCode < 500 && statusCode != 408 && statusCode != 429;
        String error = "answered " + statusCode + (detail.isBlank() ? "" : ": " + detail);
        return new SendOutcome(statusCode, latency, error, final4xx ? Verdict.FINAL : Verdict.RETRY);
    }

    /** No answer: the connection failed or timed out. */
    public static SendOutcome unanswered(Duration latency, String error) {
        return new SendOutcome(NO_STATUS, latency, error, Verdict.RETRY);
    }

    /** Not sent, because the destination is not allowed. */
    public static SendOutcome refused(String reason) {
        return new SendOutcome(NO_STATUS, Duration.ZERO, "destination refused: " + reason, Verdict.FINAL);
    }

    public boolean delivered() {
        return verdict == Verdict.DELIVERED;
    }
}
