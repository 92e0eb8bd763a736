package io.parceltrack.port.out;

import java.time.Instant;
import java.util.UUID;

/** Ids of messages a consumer has handled, so that a redelivered message is recognised. */
public interface ProcessedMessageStore {
    boolean isProcessed(String consumer, UUID messageId);

    /** Records the id; {@code false} if it was recorded before. */
    boolean markProcessed(String consumer, UUID messageId, Instant at);

    /** Forgets ids recorded before {@code cutoff}; returns how many. */
    int forgetProcessedBefore(Instant cutoff);
}
