package io.parceltrack.webhooks;

import io.parceltrack.domain.webhook.DestinationRules;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sender reaches receivers.
 *
 * @param rules which destinations are allowed (https only, public addresses only, unless relaxed)
 * @param connectTimeout how long to wait for a connection (TLS included)
 * @param readTimeout how long a receiver may stay silent while answering
 * @param totalTimeout how long one attempt may take in all, however the receiver dribbles its answer
 * @param maxResponseBytes how much of an answer's body is read (and kept for the error text); the
 *     rest is dropped, so a receiver cannot make us buffer a large answer
 */
public record WebhookSenderSettings(
        DestinationRules rules, Duration connectTimeout, Duration readTimeout, Duration totalTimeout, int maxResponseBytes) {

    public WebhookSenderSettings {
        Objects.requireNonNull(rules, "rules");
        for (Duration timeout : new Duration[] {connectTimeout, readTimeout, totalTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("time-outs must be positive");
            }
        }
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes must not be negative");
        }
    }

    /** Production defaults: strict rules, 5 s to connect, 10 s of silence, 15 s in all, 4 KiB of answer. */
    public static WebhookSenderSettings defaults() {
        return new WebhookSenderSettings(DestinationRules.strict(), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15), 4096);
    }

    public WebhookSenderSettings withRules(DestinationRules changed) {
        return new WebhookSenderSettings(changed, connectTimeout, readTimeout, totalTimeout, maxResponseBytes);
    }

    public WebhookSenderSettings withTimeouts(Duration connect, Duration read, Duration total) {
        return new WebhookSenderSettings(rules, connect, read, total, maxResponseBytes);
    }
}
