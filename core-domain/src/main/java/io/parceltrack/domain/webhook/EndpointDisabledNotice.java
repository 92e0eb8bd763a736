package io.parceltrack.domain.webhook;

import io.parceltrack.domain.TelegramId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * News for a manager: their endpoint was disabled at {@code disabledAt} for {@code reason}. It is
 * owed until the manager has been told; its {@link #id()} is the same however often it is read, so
 * the side that tells the manager can drop a notice it already passed on.
 */
public record EndpointDisabledNotice(
        WebhookEndpointId endpoint,
        TelegramId manager,
        WebhookUrl url,
        Instant disabledAt,
        String reason) {

    public EndpointDisabledNotice {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The notice a disabled endpoint owes its manager; empty while it is enabled. */
    public static Optional<EndpointDisabledNotice> of(WebhookEndpoint endpoint) {
        if (!(endpoint.health() instanceof EndpointHealth.Disabled disabled)) {
            return Optional.empty();
        }
        return Optional.of(new EndpointDisabledNotice(endpoint.id(), endpoint.manager(), endpoint.url(), disabled.at(),
                disabled.reason()));
    }

    /** One id per endpoint and disabling, derived from both. */
    public UUID id() {
        return UUID.nameUUIDFromBytes(("endpoint-disabled/" + endpoint + "/" + disabledAt)
                .getBytes(StandardCharsets.UTF_8));
    }
}
