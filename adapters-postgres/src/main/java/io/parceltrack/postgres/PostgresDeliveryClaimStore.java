package io.parceltrack.postgres;

import io.parceltrack.port.out.DeliveryClaimStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivery claims in the bots database ({@code bot_delivery_claims}). A claim is one statement:
 * the insert, or the update of a claim the caller may take (its own, or a stale one, never a sent
 * one), decided under the row's lock, so two instances cannot both win.
 */
public final class PostgresDeliveryClaimStore implements DeliveryClaimStore {
    private static final String CLAIM = """
            INSERT INTO bot_delivery_claims AS claim (delivery_id, status, owner, claimed_at, changed_at)
            VALUES (:id, 'claimed', :owner, :now, :now)
            ON CONFLICT (delivery_id) DO UPDATE SET owner = :owner, claimed_at = :now, changed_at = :now
            WHERE claim.status = 'claimed' AND (claim.owner = :owner OR claim.claimed_at < :staleBefore)
            RETURNING delivery_id
            """;
    private static final String STATUS = "SELECT status FROM bot_delivery_claims WHERE delivery_id = :id";
    private static final String MARK_SENT = """
            INSERT INTO bot_delivery_claims AS claim (delivery_id, status, owner, claimed_at, changed_at)
            VALUES (:id, 'sent', 'unclaimed', :at, :at)
            ON CONFLICT (delivery_id) DO UPDATE SET status = 'sent', changed_at = :at
            """;
    private static final String RELEASE = """
            DELETE FROM bot_delivery_claims WHERE delivery_id = :id AND owner = :owner AND status = 'claimed'
            """;
    static final String FORGET = "DELETE FROM bot_delivery_claims WHERE changed_at < :cutoff";

    private final TranslatedJdbi db;

    PostgresDeliveryClaimStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public Claim claim(UUID deliveryId, String owner, Instant now, Instant staleBefore) {
        return db.withHandle(handle -> {
            boolean claimed = handle.createQuery(CLAIM)
                    .bind("id", deliveryId)
                    .bind("owner", owner)
                    .bind("now", now)
                    .bind("staleBefore", staleBefore)
                    .mapTo(UUID.class)
                    .findOne()
                    .isPresent();
            if (claimed) {
                return Claim.CLAIMED;
            }
            Optional<String> status = handle.createQuery(STATUS).bind("id", deliveryId).mapTo(String.class).findOne();
            // Gone in between (its owner released it): someone may be claiming it now; ask again later.
            return status.filter("sent"::equals).isPresent() ? Claim.ALREADY_SENT : Claim.HELD_ELSEWHERE;
        });
    }

    @Override
    public void markSent(UUID deliveryId, Instant at) {
        db.withHandle(handle -> handle.createUpdate(MARK_SENT).bind("id", deliveryId).bind("at", at).execute());
    }

    @Override
    public void release(UUID deliveryId, String owner) {
        db.withHandle(handle -> handle.createUpdate(RELEASE).bind("id", deliveryId).bind("owner", owner).execute());
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET).bind("cutoff", cutoff).execute());
    }
}
