package io.parceltrack.rest;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.SendOutcome;
import java.util.Locale;

/** One attempt to deliver a webhook, as {@code GET /webhooks/{id}/deliveries} lists it. */
record WebhookDeliveryJson(
        String messageId,
        String eventType,
        int attempt,
        String attemptedAt,
        Integer statusCode,
        long latencyMs,
        String error,
        String outcome) {

    static WebhookDeliveryJson of(DeliveryAttempt attempt) {
        return new WebhookDeliveryJson(
                attempt.message().value(),
                attempt.type(),
                attempt.attempt(),
                attempt.attemptedAt().toString(),
                attempt.statusCode() == SendOutcome.NO_STATUS ? null : attempt.statusCode(),
                attempt.latency().toMillis(),
                attempt.error().isEmpty() ? null : attempt.error(),
                attempt.outcome().name().toLowerCase(Locale.ROOT));
    }
}
