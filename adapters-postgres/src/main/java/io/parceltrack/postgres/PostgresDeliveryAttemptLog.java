package io.parceltrack.postgres;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import java.time.Instant;
import java.util.List;

/** Every attempt to deliver a webhook, in the parcels database; old ones are forgotten by housekeeping. */
public final class PostgresDeliveryAttemptLog implements DeliveryAttemptLog {
    // Only while the endpoint exists: the attempt of an endpoint deleted meanwhile is of no interest.
    private static final String RECORD = """
            INSERT INTO webhook_attempts (endpoint_id, message_id, event_type, attempt, attempted_at, status_code,
                                          latency_ms, error, outcome)
            SELECT e.id, :messageId, :type, :attempt, :attemptedAt, :statusCode, :latencyMs, :error, :outcome
            FROM webhook_endpoints e
            WHERE e.id = :endpointId
            """;
    static final String RECENT = """
            SELECT %s
            FROM webhook_attempts a
            WHERE a.endpoint_id = :endpointId
            ORDER BY a.id DESC
            LIMIT :limit
            """.formatted(WebhookRows.ATTEMPT_COLUMNS);
    static final String FORGET = "DELETE FROM webhook_attempts WHERE attempted_at < :cutoff";

    private final TranslatedJdbi db;

    PostgresDeliveryAttemptLog(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public void record(DeliveryAttempt attempt) {
        db.withHandle(handle -> handle.createUpdate(RECORD)
                .bind("endpointId", attempt.endpoint().value())
                .bind("messageId", attempt.message().value())
                .bind("type", attempt.type())
                .bind("attempt", attempt.attempt())
                .bind("attemptedAt", attempt.attemptedAt())
                .bind("statusCode", attempt.statusCode())
                .bind("latencyMs", attempt.latency().toMillis())
                .bind("error", attempt.error())
                .bind("outcome", attempt.outcome().name())
                .execute());
    }

    @Override
    public List<DeliveryAttempt> recent(WebhookEndpointId endpoint, int limit) {
        return db.withHandle(handle -> handle.createQuery(RECENT)
                .bind("endpointId", endpoint.value())
                .bind("limit", limit)
                .map(WebhookRows.ATTEMPT)
                .list());
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return db.withHandle(handle -> handle.createUpdate(FORGET).bind("cutoff", cutoff).execute());
    }
}
