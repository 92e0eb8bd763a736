package io.parceltrack.port.out.webhook;

import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The durable retry schedule: deliveries owed to endpoints, each due at some instant, kept until
 * done. A message is owed to an endpoint once: enqueuing it again (a parcel event handled twice)
 * changes nothing, also after it was delivered, until {@link #forgetFinishedBefore} forgets it.
 */
public interface WebhookSchedule {
    /** Stores the deliveries not stored before, due at once, in the given order; returns how many were new. */
    int enqueue(List<ScheduledDelivery> deliveries);

    /**
     * Up to {@code limit} deliveries due at {@code now} (oldest due first), none for an endpoint in
     * {@code excluded}, each the oldest unfinished one of its endpoint and ordering key; each is
     * made due again only at {@code leaseUntil}, so no other claimer takes it meanwhile.
     */
    List<ScheduledDelivery> claimDue(Instant now, Instant leaseUntil, int limit, Set<WebhookEndpointId> excluded);

    /** The delivery is finished (delivered or given up): it no longer holds back later ones. */
    void finish(ScheduledDelivery delivery, Instant at);

    /** The delivery failed once more (its attempts count grows by one) and is due again at {@code next}. */
    void retryAt(ScheduledDelivery delivery, Instant next);

    /** Finishes every unfinished delivery of the endpoint (it was disabled); returns how many. */
    int finishAllOf(WebhookEndpointId endpoint, Instant at);

    /** Forgets deliveries finished before {@code cutoff}; returns how many. */
    int forgetFinishedBefore(Instant cutoff);
}
