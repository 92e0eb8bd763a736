package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.time.Instant;
import java.util.List;

/** What happened on each attempt to deliver a webhook, for the manager to read. */
public interface DeliveryAttemptLog {
    void record(DeliveryAttempt attempt);

    /** The endpoint's most recent attempts, newest first, at most {@code limit}. */
    List<DeliveryAttempt> recent(WebhookEndpointId endpoint, int limit);

    /** Forgets attempts made before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);
}
