package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.port.out.Messenger;

/** Tells a manager about their webhooks where they read us (the manager bot). */
public interface WebhookNoticeMessenger {
    /**
     * Tells the notice's manager, waiting for rate limits if needed. Throws if it failed in a way
     * that may pass, so the notice is tried again later.
     */
    Messenger.SendResult tellEndpointDisabled(EndpointDisabledNotice notice);
}
