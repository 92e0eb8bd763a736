package io.parceltrack.service;

import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.port.in.notification.DeliverNotificationUseCase;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.DeliveryClaimStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each delivery once, across restarts and across instances:
 *
 * <ol>
 *   <li>claim the delivery in the {@link DeliveryClaimStore} (atomic: of two instances that got
 *       the same delivery during a rebalance, one sends, the other waits until it is sent);
 *   <li>send it;
 *   <li>mark it sent. Should that fail (the bots database went away), the id stays in memory
 *       ({@link SentDeliveries}) and the retry only records it: no second message while this
 *       process lives.
 * </ol>
 *
 * <p>What remains: a process killed between the send and the record leaves a claim that its
 * successor (same owner id) takes over and sends again. So at most the deliveries in flight at
 * the instant of a kill may reach their person twice; none is ever lost.
 */
public final class NotificationDeliveryService implements DeliverNotificationUseCase {
    /** How many sent-but-unrecorded ids are kept in memory at most. */
    public static final int REMEMBERED_SENDS = 10_000;
    /** The longest instance id a claim can name. */
    public static final int MAX_OWNER_LENGTH = 200;

    private final DeliveryClaimStore claims;
    private final Messenger messenger;
    private final Clock clock;
    private final String owner;
    private final Duration staleAfter;
    private final SentDeliveries sentNotRecorded = new SentDeliveries(REMEMBERED_SENDS);
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();

    /**
     * @param owner this instance's id, the same across its restarts and unique among live instances
     * @param staleAfter how old another instance's unfinished claim must be before this one takes it
     *     over; longer than the longest send (the messenger's patience with rate limits)
     */
    public NotificationDeliveryService(DeliveryClaimStore claims, Messenger messenger, Clock clock, String owner,
            Duration staleAfter) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        if (owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("owner must be 1 to " + MAX_OWNER_LENGTH + " characters");
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        UUID id = delivery.id().value();
        if (!sending.add(id)) {
            throw new UnavailableException("delivery " + id + " is being sent by another thread", null);
        }
        try {
            return claimAndSend(delivery, id);
        } finally {
            sending.remove(id);
        }
    }

    private DeliveryOutcome claimAndSend(Delivery delivery, UUID id) {
        if (sentNotRecorded.contains(id)) {
            record(id);
            return DeliveryOutcome.DUPLICATE;
        }
        Instant now = clock.instant();
        switch (claims.claim(id, owner, now, now.minus(staleAfter))) {
            case ALREADY_SENT:
                return DeliveryOutcome.DUPLICATE;
            case HELD_ELSEWHERE:
                throw new UnavailableException("delivery " + id + " is being sent by another instance", null);
            case CLAIMED:
                break;
        }
        Messenger.SendResult result;
        try {
            result = messenger.sendNotification(delivery);
        } catch (RuntimeException e) {
            releaseAfterFailedSend(id, e);
            throw e;
        }
        sentNotRecorded.remember(id);
        record(id);
        return switch (result) {
            case SENT -> DeliveryOutcome.SENT;
            case RECIPIENT_UNREACHABLE -> DeliveryOutcome.RECIPIENT_UNREACHABLE;
        };
    }

    /** How many sent deliveries are waiting for their record (for tests and health). */
    int unrecordedSends() {
        return sentNotRecorded.size();
    }

    private void record(UUID id) {
        claims.markSent(id, clock.instant());
        sentNotRecorded.forget(id);
    }

    private void releaseAfterFailedSend(UUID id, RuntimeException failure) {
        try {
            claims.release(id, owner);
        } catch (RuntimeException releaseFailed) {
            // Our own claim: we may take it again at once, others once it is stale.
            failure.addSuppressed(releaseFailed);
        }
    }
}
