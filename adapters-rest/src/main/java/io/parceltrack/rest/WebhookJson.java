package io.parceltrack.rest;

import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEventType;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as the API shows it. {@code secret} is filled only in the answers to creating
 * the endpoint and to rotating its secret, and {@code previous_secret_valid_until} only in the latter.
 */
record WebhookJson(
        String id,
        String url,
        List<String> events,
        String status,
        String failingSince,
        String lastError,
        String disabledAt,
        String disabledReason,
        String createdAt,
        String secret,
        String previousSecretValidUntil) {

    static WebhookJson of(WebhookEndpoint endpoint) {
        EndpointHealth health = endpoint.health();
        EndpointHealth.Failing failing = health instanceof EndpointHealth.Failing f ? f : null;
        EndpointHealth.Disabled disabled = health instanceof EndpointHealth.Disabled d ? d : null;
        return new WebhookJson(
                endpoint.id().toString(),
                endpoint.url().toString(),
                endpoint.events().stream().map(WebhookEventType::wireName).sorted().toList(),
                failing != null ? "failing" : disabled != null ? "disabled" : "enabled",
                failing == null ? null : text(failing.since()),
                failing == null ? null : failing.lastError(),
                disabled == null ? null : text(disabled.at()),
                disabled == null ? null : disabled.reason(),
                text(endpoint.createdAt()),
                null,
                null);
    }

    /** The endpoint with its secret, shown this once. */
    static WebhookJson withSecret(WebhookEndpoint endpoint) {
        WebhookJson shown = of(endpoint);
        String previousValidUntil = endpoint.retiredSecrets().stream().map(RetiredSecret::validUntil)
                .map(WebhookJson::text).findFirst().orElse(null);
        return new WebhookJson(shown.id, shown.url, shown.events, shown.status, shown.failingSince, shown.lastError,
                shown.disabledAt, shown.disabledReason, shown.createdAt, endpoint.secret().value(), previousValidUntil);
    }

    private static String text(Instant instant) {
        return instant.toString();
    }
}
