package io.parceltrack.postgres;

import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The retry schedule of webhook deliveries, in the parcels database. Several senders (one per
 * notification-service instance) may claim at once: each locks the rows it takes and skips those
 * another holds, then pushes their due time past its lease.
 */
public final class PostgresWebhookSchedule implements WebhookSchedule {
    // Only while the endpoint exists: a delivery for an endpoint deleted meanwhile is dropped.
    private static final String ENQUEUE = """
            INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, ordering_key, message_created_at,
                                            body, enqueued_at, due_at, trace)
            SELECT e.id, :messageId, :type, :orderingKey, :createdAt, :body, :enqueuedAt, :enqueuedAt, :trace
            FROM webhook_endpoints e
            WHERE e.id = :endpointId
            ON CONFLICT (endpoint_id, message_id) DO NOTHING
            """;
    // The head of a lane is its oldest unfinished delivery; only heads are claimed. The due check is
    // on the locked row itself, so that a row another claimer leased meanwhile is re-checked and left.
    static final String CLAIM = """
            WITH heads AS (
                SELECT DISTINCT ON (endpoint_id, ordering_key) id
                FROM webhook_deliveries
                WHERE finished_at IS NULL
                ORDER BY endpoint_id, ordering_key, id
            ), claimed AS (
                SELECT d.id
                FROM webhook_deliveries d
                JOIN heads h ON h.id = d.id
                WHERE d.due_at <= :now AND d.finished_at IS NULL AND d.endpoint_id <> ALL(:excluded)
                ORDER BY d.due_at, d.id
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE webhook_deliveries d
            SET due_at = :leaseUntil
            FROM claimed
            WHERE d.id = claimed.id
            RETURNING %s
            """.formatted(WebhookRows.DELIVERY_COLUMNS);
    private static final String FINISH = "UPDATE webhook_deliveries SET finished_at = :at WHERE id = :id AND finished_at IS NULL";
    private static final String RETRY = """
            UPDATE webhook_deliveries SET attempts = attempts + 1, due_at = :next
            WHERE id = :id AND finished_at IS NULL
            """;
    private static final String FINISH_ALL = """
            UPDATE webhook_deliveries SET finished_at = :at
            WHERE endpoint_id = :endpointId AND finished_at IS NULL
            """;
    static final String FORGET = "DELETE FROM webhook_deliveries WHERE finished_at < :cutoff";

    private final TranslatedJdbi db;

    PostgresWebhookSchedule(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public int enqueue(List<ScheduledDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return db.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(ENQUEUE);
            for (ScheduledDelivery delivery : deliveries) {
                batch.bind("endpointId", delivery.endpoint().value())
                        .bind("messageId", delivery.message().id().value())
                        .bind("type", delivery.message().type())
                        .bind("orderingKey", delivery.message().orderingKey())
                        .bind("createdAt", delivery.message().createdAt())
                        .bind("body", delivery.message().body())
                        .bind("enqueuedAt", delivery.enqueuedAt())
                        .bind("trace", delivery.trace())
                        .add();
            }
            int added = 0;
            for (int count : batch.execute()) {
                added += count;
            }
            return added;
        });
    }

    @Override
    public List<ScheduledDelivery> claimDue(Instant now, Instant leaseUntil, int limit, Set<WebhookEndpointId> excluded) {
        UUID[] busy = excluded.stream().map(WebhookEndpointId::value).toArray(UUID[]::new);
        return db.inTransaction(handle -> handle.createQuery(CLAIM)
                        .bind("now", now)
                        .bind("leaseUntil", leaseUntil)
                        .bind("limit", limit)
                        .bindArray("excluded", UUID.class, (Object[]) busy)
                        .map(WebhookRows.DELIVERY)
                        .list())
                .stream()
                .sorted(Comparator.comparingLong(ScheduledDelivery::sequence))
                .toList();
    }

    @Override
    public void finish(ScheduledDelivery delivery, Instant at) {
        db.withHandle(handle -> handle.createUpdate(FINISH).bind("id", delivery.sequence()).bind("at", at).execute());
    }

    @Override
    public void retryAt(ScheduledDelivery delivery, Instant next) {
        db.withHandle(handle -> handle.createUpdate(RETRY).bind("id", delivery.sequence()).bind("next", next).execute());
    }

    @Override
    public int finishAllOf(WebhookEndpointId endpoint, Instant at) {
        return db.withHandle(handle -> handle.createUpdate(FINISH_ALL)
                .bind("endpointId", endpoint.value())
                .bind("at", at)
                .execute());
    }

    @Override
    public int forgetFinishedBefore(Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET).bind("cutoff", cutoff).execute());
    }
}
