package io.parceltrack.service;

import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.port.in.webhook.EndpointDisabledNotices;
import io.parceltrack.port.out.ProcessedMessageStore;
import io.parceltrack.port.out.webhook.WebhookNoticeMessenger;
import java.time.Clock;
import java.util.List;

/**
 * Passes the notices of disabled endpoints on to their managers, each once. A notice's id is
 * recorded here after the messenger accepted it and before the source hears it was given, so a
 * failure to report back (the source unreachable) never repeats the message; only a crash between
 * sending and recording could, never losing one.
 */
public final class EndpointDisabledNoticeService {
    public static final String CONSUMER = "webhook-endpoint-disabled-notice";

    private final EndpointDisabledNotices notices;
    private final ProcessedMessageStore processed;
    private final WebhookNoticeMessenger messenger;
    private final Clock clock;
    private final int batchSize;

    public EndpointDisabledNoticeService(EndpointDisabledNotices notices, ProcessedMessageStore processed,
            WebhookNoticeMessenger messenger, Clock clock, int batchSize) {
        if (batchSize < 1 || batchSize > EndpointDisabledNotices.MAX_NOTICES_LISTED) {
            throw new IllegalArgumentException("batchSize must be 1 to " + EndpointDisabledNotices.MAX_NOTICES_LISTED);
        }
        this.notices = notices;
        this.processed = processed;
        this.messenger = messenger;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Passes on one batch of owed notices; returns how many were owed (a full batch: maybe more). */
    public int passOnPending() {
        List<EndpointDisabledNotice> owed = notices.pendingNotices(batchSize);
        for (EndpointDisabledNotice notice : owed) {
            if (!processed.isProcessed(CONSUMER, notice.id())) {
                messenger.tellEndpointDisabled(notice);
                processed.markProcessed(CONSUMER, notice.id(), clock.instant());
            }
            notices.noticeGiven(notice.endpoint(), notice.disabledAt());
        }
        return owed.size();
    }

    /** Whether a round found a full batch, so more may be owed right away. */
    boolean passOnPendingRound() {
        return passOnPending() == batchSize;
    }
}
