package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookMessage;
import java.time.Instant;

/** Posts webhooks to managers' endpoints. */
public interface WebhookSender {
    /**
     * Posts {@code message} to the endpoint once, signed with each of its secrets valid at
     * {@code now}, and says how it went. Never throws for what the receiver or the network did:
     * that is the outcome.
     */
    SendOutcome send(WebhookEndpoint endpoint, WebhookMessage message, Instant now);
}
