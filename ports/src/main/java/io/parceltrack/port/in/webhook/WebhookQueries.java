package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.util.List;

/** What a manager can see of their webhooks: the endpoints and how deliveries to them went. */
public interface WebhookQueries {
    /** The manager's endpoints, oldest first. */
    List<WebhookEndpoint> listEndpoints(TelegramId manager);

    WebhookEndpoint getEndpoint(TelegramId manager, WebhookEndpointId id);

    /** The most recent attempts to deliver to the endpoint, newest first, at most {@code limit} (1 to 100). */
    List<DeliveryAttempt> listDeliveries(TelegramId manager, WebhookEndpointId id, int limit);
}
