package io.parceltrack.domain.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A manager's receiver of webhooks: where they go, which events it wants, the secret they are
 * signed with (plus retired secrets still signing for a while after a rotation) and how it has been
 * answering.
 */
public record WebhookEndpoint(
        WebhookEndpointId id,
        TelegramId manager,
        WebhookUrl url,
        Set<WebhookEventType> events,
        WebhookSecret secret,
        List<RetiredSecret> retiredSecrets,
        Instant createdAt,
        EndpointHealth health) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(health, "health");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event");
        }
        events = Set.copyOf(EnumSet.copyOf(events));
        retiredSecrets = List.copyOf(retiredSecrets);
    }

    public boolean isOwnedBy(TelegramId someone) {
        return manager.equals(someone);
    }

    public WebhookEndpoint requireOwnedBy(TelegramId someone) {
        if (!isOwnedBy(someone)) {
            throw new AccessDeniedException("webhook endpoint " + id + " belongs to another manager");
        }
        return this;
    }

    public boolean wants(WebhookEventType type) {
        return health.enabled() && events.contains(type);
    }

    /**
     * The secrets that sign a message sent at {@code now}: the current one first, then those
     * retired less than their grace period ago.
     */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        retiredSecrets.stream().filter(retired -> retired.signsAt(now)).map(RetiredSecret::secret).forEach(secrets::add);
        return List.copyOf(secrets);
    }

    /**
     * The endpoint with {@code fresh} as its secret; the current one keeps signing until
     * {@code oldValidUntil}, while secrets retired earlier stop at once (at most two sign at a time).
     */
    public WebhookEndpoint withRotatedSecret(WebhookSecret fresh, Instant oldValidUntil) {
        return new WebhookEndpoint(id, manager, url, events, fresh, List.of(new RetiredSecret(secret, oldValidUntil)),
                createdAt, health);
    }

    public WebhookEndpoint withHealth(EndpointHealth changed) {
        return new WebhookEndpoint(id, manager, url, events, secret, retiredSecrets, createdAt, changed);
    }
}
