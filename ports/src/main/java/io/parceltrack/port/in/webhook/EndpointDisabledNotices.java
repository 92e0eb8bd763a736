package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.time.Instant;
import java.util.List;

/**
 * The news of disabled endpoints that managers are still owed. A disabled endpoint owes one notice
 * until {@link #noticeGiven} is called for it, so a notice survives restarts of either side.
 */
public interface EndpointDisabledNotices {
    int MAX_NOTICES_LISTED = 100;

    /** Notices still owed, earliest disabling first, at most {@code limit} (1 to {@value #MAX_NOTICES_LISTED}). */
    List<EndpointDisabledNotice> pendingNotices(int limit);

    /**
     * The manager has been told (or cannot be reached) that {@code endpoint} was disabled at
     * {@code disabledAt}. Idempotent; an endpoint since deleted, or disabled again later, is left as it is.
     */
    void noticeGiven(WebhookEndpointId endpoint, Instant disabledAt);
}
