package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.util.List;
import java.util.Set;

/** The sending side: take the deliveries that are due, and attempt each. */
public interface DeliverWebhooksUseCase {
    /**
     * Claims up to {@code limit} due deliveries, none for an endpoint in {@code busy}, each the
     * oldest pending one of its endpoint and parcel (so a parcel's webhooks reach an endpoint in
     * order). A claimed delivery is left to its claimer for a lease; if the claimer dies, it is due
     * again once the lease ends.
     */
    List<ScheduledDelivery> claimDue(int limit, Set<WebhookEndpointId> busy);

    /**
     * Posts the delivery once and records the outcome: done, scheduled again with backoff, or
     * given up; an endpoint failing for too long is disabled and its manager told.
     */
    void attempt(ScheduledDelivery delivery);
}
