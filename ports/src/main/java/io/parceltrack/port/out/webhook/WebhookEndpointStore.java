package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Managers' webhook endpoints. */
public interface WebhookEndpointStore {
    /**
     * Stores a new endpoint unless its manager already has {@code maxPerManager}; {@code false}
     * (and nothing stored) then. The count and the insert are one step, so concurrent registrations
     * cannot overshoot.
     */
    boolean insert(WebhookEndpoint endpoint, int maxPerManager);

    Optional<WebhookEndpoint> find(WebhookEndpointId id);

    /** A manager's endpoints, oldest first. */
    List<WebhookEndpoint> findByManager(TelegramId manager);

    /** Deletes the endpoint with its pending deliveries and attempt log; {@code false} if it was absent. */
    boolean delete(WebhookEndpointId id);

    /** Replaces the secrets only; {@code false} if the endpoint is absent. */
    boolean updateSecrets(WebhookEndpointId id, WebhookSecret secret, List<RetiredSecret> retired);

    /**
     * Replaces the health only; {@code false} if the endpoint is absent. The endpoint then owes its
     * manager no notice of an earlier disabling.
     */
    boolean updateHealth(WebhookEndpointId id, EndpointHealth health);

    /** Disabled endpoints whose manager has not been told yet, earliest disabled first, at most {@code limit}. */
    List<WebhookEndpoint> findDisabledUntold(int limit);

    /**
     * Records that the manager was told of the disabling at {@code disabledAt}; {@code false} if the
     * endpoint is absent or no longer disabled at that time.
     */
    boolean markManagerTold(WebhookEndpointId id, Instant disabledAt, Instant toldAt);
}
