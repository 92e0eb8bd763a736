package io.parceltrack.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is sending which delivery, and which deliveries are sent: the user bot's dedup of
 * notifications, made atomic across instances. An instance claims a delivery before it sends it
 * and marks it sent afterwards; while one instance holds a fresh claim, every other is refused.
 *
 * <p>A claim names its owner (an instance id that stays the same across the instance's
 * restarts). The owner may claim again what it holds: a restarted instance takes over its
 * predecessor's claims at once. Another instance may take a claim over only once it has gone
 * stale (claimed before {@code staleBefore}), since its owner may still be sending.
 */
public interface DeliveryClaimStore {

    /** What a claim attempt found. */
    enum Claim {
        /** The caller holds the claim now and may send. */
        CLAIMED,
        /** The delivery was sent (or found undeliverable) before: never send it again. */
        ALREADY_SENT,
        /** Another instance claimed it recently and may be sending it: try again later. */
        HELD_ELSEWHERE
    }

    /**
     * Claims {@code deliveryId} for {@code owner} at {@code now}, atomically: of any number of
     * concurrent attempts by different owners, at most one gets {@link Claim#CLAIMED}.
     */
    Claim claim(UUID deliveryId, String owner, Instant now, Instant staleBefore);

    /** Records that the delivery was sent; from then on every claim answers {@link Claim#ALREADY_SENT}. */
    void markSent(UUID deliveryId, Instant at);

    /** Gives up {@code owner}'s unsent claim (the send failed), so that anyone may claim it at once. */
    void release(UUID deliveryId, String owner);

    /** Forgets deliveries sent, and claims made, before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);
}
