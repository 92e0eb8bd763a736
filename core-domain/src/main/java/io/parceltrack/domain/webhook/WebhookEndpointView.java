package io.parceltrack.domain.webhook;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An endpoint as its manager may see it anywhere, secrets left out: for screens (the manager bot)
 * and for calls between services, which have no business carrying signing secrets.
 */
public record WebhookEndpointView(
        WebhookEndpointId id,
        WebhookUrl url,
        Set<WebhookEventType> events,
        Instant createdAt,
        EndpointHealth health) {

    public WebhookEndpointView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(health, "health");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event");
        }
        events = Set.copyOf(EnumSet.copyOf(events));
    }

    public static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.createdAt(),
                endpoint.health());
    }
}
