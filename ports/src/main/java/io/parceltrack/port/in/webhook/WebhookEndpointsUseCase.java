package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;

/**
 * A manager's webhook endpoints: register, delete, rotate the secret, send a test. A manager may
 * touch only their own endpoints (others' are forbidden, absent ones not found).
 */
public interface WebhookEndpointsUseCase extends WebhookQueries {
    /** The rules registrations are checked against, for parsing a {@link RegisterWebhookCommand}. */
    DestinationRules destinationRules();

    /**
     * Registers an endpoint with a fresh signing secret; the only time, with {@link #rotateSecret},
     * that the secret is handed out.
     *
     * @throws io.parceltrack.domain.error.ConflictException if the manager has as many endpoints as allowed
     */
    WebhookEndpoint register(RegisterWebhookCommand command);

    /** Deletes the endpoint and whatever it was still owed. */
    void delete(TelegramId manager, WebhookEndpointId id);

    /**
     * Gives the endpoint a fresh secret. The old one keeps signing, beside the new one, for a
     * grace period, so the receiver can switch without refusing webhooks meanwhile.
     */
    WebhookEndpoint rotateSecret(TelegramId manager, WebhookEndpointId id);

    /** Queues a {@code webhook.test} message for the endpoint and returns its id. */
    MessageId sendTest(TelegramId manager, WebhookEndpointId id);
}
