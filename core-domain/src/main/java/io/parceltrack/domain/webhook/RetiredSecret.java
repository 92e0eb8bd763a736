package io.parceltrack.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret replaced by rotation that still signs until {@code validUntil}, beside the new one, so
 * a receiver can switch to the new secret without refusing webhooks in between.
 */
public record RetiredSecret(WebhookSecret secret, Instant validUntil) {
    public RetiredSecret {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public boolean signsAt(Instant time) {
        return time.isBefore(validUntil);
    }
}
