package io.parceltrack.domain.webhook;

import io.parceltrack.domain.validation.TraceText;
import java.time.Instant;
import java.util.Objects;

/**
 * One message owed to one endpoint, waiting in the retry schedule. {@code sequence} orders the
 * deliveries of one endpoint and ordering key; {@code attempts} counts those made so far;
 * {@code enqueuedAt} starts the retry window. {@code trace} is the W3C {@code traceparent} of the
 * work that scheduled it (so every attempt continues the trace of the checkpoint), {@code null} if
 * it was scheduled outside any trace; opaque here, like {@link
 * io.parceltrack.domain.notification.ParcelEvent}'s.
 */
public record ScheduledDelivery(long sequence, WebhookEndpointId endpoint, WebhookMessage message, int attempts,
        Instant enqueuedAt, String trace) {
    public ScheduledDelivery {
        if (trace != null && !TraceText.isValid(trace)) {
            throw new IllegalArgumentException("trace must be 1 to " + TraceText.MAX_LENGTH + " printable ASCII characters");
        }
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A delivery scheduled outside any trace. */
    public ScheduledDelivery(long sequence, WebhookEndpointId endpoint, WebhookMessage message, int attempts,
            Instant enqueuedAt) {
        this(sequence, endpoint, message, attempts, enqueuedAt, null);
    }

    /** A delivery not yet stored, so not yet numbered, scheduled outside any trace. */
    public static ScheduledDelivery fresh(WebhookEndpointId endpoint, WebhookMessage message, Instant now) {
        return fresh(endpoint, message, now, null);
    }

    /** A delivery not yet stored, scheduled within the trace {@code trace} ({@code null}: none). */
    public static ScheduledDelivery fresh(WebhookEndpointId endpoint, WebhookMessage message, Instant now, String trace) {
        return new ScheduledDelivery(0, endpoint, message, 0, now, trace);
    }
}
