package io.parceltrack.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One message owed to one endpoint, waiting in the retry schedule. {@code sequence} orders the
 * deliveries of one endpoint and ordering key; {@code attempts} counts those made so far;
 * {@code enqueuedAt} starts the retry window.
 */
public record ScheduledDelivery(long sequence, WebhookEndpointId endpoint, WebhookMessage message, int attempts,
        Instant enqueuedAt) {
    public ScheduledDelivery {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A delivery not yet stored, so not yet numbered. */
    public static ScheduledDelivery fresh(WebhookEndpointId endpoint, WebhookMessage message, Instant now) {
        return new ScheduledDelivery(0, endpoint, message, 0, now);
    }
}
