package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.webhook.WebhookEndpoint;

/** Tells managers what they must act on about their webhooks. */
public interface WebhookAlerts {
    /** The endpoint was disabled after failing for too long; best effort, never throws. */
    void endpointDisabled(WebhookEndpoint endpoint);
}
