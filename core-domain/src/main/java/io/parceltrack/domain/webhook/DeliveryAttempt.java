package io.parceltrack.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One attempt to post one message to one endpoint, as managers see it in the deliveries list. */
public record DeliveryAttempt(
        WebhookEndpointId endpoint,
        MessageId message,
        String type,
        int attempt,
        Instant attemptedAt,
        int statusCode,
        Duration latency,
        String error,
        Outcome outcome) {

    public enum Outcome {
        DELIVERED,
        /** Failed; another attempt is scheduled. */
        RETRYING,
        /** Failed in a way another attempt would not fix. */
        FAILED,
        /** Failed, and the retry window is over. */
        GAVE_UP
    }

    public DeliveryAttempt {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1");
        }
    }

    public static DeliveryAttempt of(ScheduledDelivery delivery, Instant at, SendOutcome sent, Outcome outcome) {
        return new DeliveryAttempt(delivery.endpoint(), delivery.message().id(), delivery.message().type(),
                delivery.attempts() + 1, at, sent.statusCode(), sent.latency(), sent.error(), outcome);
    }
}
