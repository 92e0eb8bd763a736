package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import java.util.List;

/**
 * A manager's webhooks as screens show them (the manager bot): the endpoints without their secrets,
 * and how deliveries to one went. A manager sees only their own endpoints.
 */
public interface WebhookOverviewQuery {
    /** The manager's endpoints, oldest first. */
    List<WebhookEndpointView> listEndpointViews(TelegramId manager);

    /**
     * The most recent attempts to deliver to the endpoint, newest first, at most {@code limit} (1 to 100).
     *
     * @throws io.parceltrack.domain.error.NotFoundException if there is no such endpoint
     * @throws io.parceltrack.domain.error.AccessDeniedException if it is another manager's
     */
    List<DeliveryAttempt> listDeliveries(TelegramId manager, WebhookEndpointId id, int limit);
}
