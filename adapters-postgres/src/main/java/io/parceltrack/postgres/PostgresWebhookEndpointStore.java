package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Managers' webhook endpoints, in the parcels database. */
public final class PostgresWebhookEndpointStore implements WebhookEndpointStore {
    // Registrations of one manager queue behind this lock, so that counting and inserting is one step.
    private static final String LOCK_MANAGER = """
            SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('webhook-endpoints/' || :manager, 0))) AS locked
            """;
    private static final String COUNT = "SELECT count(*) FROM webhook_endpoints WHERE manager_telegram_id = :manager";
    private static final String INSERT = """
            INSERT INTO webhook_endpoints (id, manager_telegram_id, url, events, secret, retired_secret,
                                           retired_secret_valid_until, created_at)
            VALUES (:id, :manager, :url, :events, :secret, :retiredSecret, :retiredValidUntil, :createdAt)
            ON CONFLICT (id) DO NOTHING
            """;
    static final String FIND = """
            SELECT %s
            FROM webhook_endpoints e
            WHERE e.id = :id
            """.formatted(WebhookRows.ENDPOINT_COLUMNS);
    static final String FIND_BY_MANAGER = """
            SELECT %s
            FROM webhook_endpoints e
            WHERE e.manager_telegram_id = :manager
            ORDER BY e.created_at, e.id
            """.formatted(WebhookRows.ENDPOINT_COLUMNS);
    // Deliveries and attempts go with it: ON DELETE CASCADE.
    private static final String DELETE = "DELETE FROM webhook_endpoints WHERE id = :id";
    private static final String UPDATE_SECRETS = """
            UPDATE webhook_endpoints
            SET secret = :secret, retired_secret = :retiredSecret, retired_secret_valid_until = :retiredValidUntil
            WHERE id = :id
            """;
    private static final String UPDATE_HEALTH = """
            UPDATE webhook_endpoints
            SET failing_since = :failingSince, last_error = :lastError, disabled_at = :disabledAt,
                disabled_reason = :disabledReason, manager_told_at = NULL
            WHERE id = :id
            """;
    static final String FIND_DISABLED_UNTOLD = """
            SELECT %s
            FROM webhook_endpoints e
            WHERE e.disabled_at IS NOT NULL AND e.manager_told_at IS NULL
            ORDER BY e.disabled_at, e.id
            LIMIT :limit
            """.formatted(WebhookRows.ENDPOINT_COLUMNS);
    private static final String MARK_MANAGER_TOLD = """
            UPDATE webhook_endpoints
            SET manager_told_at = COALESCE(manager_told_at, :toldAt)
            WHERE id = :id AND disabled_at = :disabledAt
            """;

    private final TranslatedJdbi db;

    PostgresWebhookEndpointStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public boolean insert(WebhookEndpoint endpoint, int maxPerManager) {
        Optional<RetiredSecret> retired = endpoint.retiredSecrets().stream().findFirst();
        return db.inTransaction(handle -> {
            handle.createQuery(LOCK_MANAGER).bind("manager", endpoint.manager().value()).mapTo(Integer.class).one();
            long count = handle.createQuery(COUNT).bind("manager", endpoint.manager().value()).mapTo(Long.class).one();
            if (count >= maxPerManager) {
                return false;
            }
            return handle.createUpdate(INSERT)
                    .bind("id", endpoint.id().value())
                    .bind("manager", endpoint.manager().value())
                    .bind("url", endpoint.url().toString())
                    .bindArray("events", String.class, (Object[]) WebhookRows.eventNames(endpoint.events()))
                    .bind("secret", endpoint.secret().value())
                    .bind("retiredSecret", retired.map(secret -> secret.secret().value()).orElse(null))
                    .bind("retiredValidUntil", retired.map(RetiredSecret::validUntil).orElse(null))
                    .bind("createdAt", endpoint.createdAt())
                    .execute() == 1;
        });
    }

    @Override
    public Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        return db.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value()).map(WebhookRows.ENDPOINT).findOne());
    }

    @Override
    public List<WebhookEndpoint> findByManager(TelegramId manager) {
        return db.withHandle(handle -> handle.createQuery(FIND_BY_MANAGER)
                .bind("manager", manager.value())
                .map(WebhookRows.ENDPOINT)
                .list());
    }

    @Override
    public boolean delete(WebhookEndpointId id) {
        return db.withHandle(handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute()) == 1;
    }

    @Override
    public boolean updateSecrets(WebhookEndpointId id, WebhookSecret secret, List<RetiredSecret> retired) {
        if (retired.size() > 1) {
            throw new IllegalArgumentException("at most one retired secret is kept");
        }
        Optional<RetiredSecret> kept = retired.stream().findFirst();
        return db.withHandle(handle -> handle.createUpdate(UPDATE_SECRETS)
                .bind("id", id.value())
                .bind("secret", secret.value())
                .bind("retiredSecret", kept.map(old -> old.secret().value()).orElse(null))
                .bind("retiredValidUntil", kept.map(RetiredSecret::validUntil).orElse(null))
                .execute()) == 1;
    }

    @Override
    public boolean updateHealth(WebhookEndpointId id, EndpointHealth health) {
        Instant failingSince = health instanceof EndpointHealth.Failing failing ? failing.since() : null;
        String lastError = health instanceof EndpointHealth.Failing failing ? failing.lastError() : null;
        Instant disabledAt = health instanceof EndpointHealth.Disabled disabled ? disabled.at() : null;
        String disabledReason = health instanceof EndpointHealth.Disabled disabled ? disabled.reason() : null;
        return db.withHandle(handle -> handle.createUpdate(UPDATE_HEALTH)
                .bind("id", id.value())
                .bind("failingSince", failingSince)
                .bind("lastError", lastError)
                .bind("disabledAt", disabledAt)
                .bind("disabledReason", disabledReason)
                .execute()) == 1;
    }

    @Override
    public List<WebhookEndpoint> findDisabledUntold(int limit) {
        return db.withHandle(handle -> handle.createQuery(FIND_DISABLED_UNTOLD)
                .bind("limit", limit)
                .map(WebhookRows.ENDPOINT)
                .list());
    }

    @Override
    public boolean markManagerTold(WebhookEndpointId id, Instant disabledAt, Instant toldAt) {
        return db.withHandle(handle -> handle.createUpdate(MARK_MANAGER_TOLD)
                .bind("id", id.value())
                .bind("disabledAt", disabledAt)
                .bind("toldAt", toldAt)
                .execute()) == 1;
    }
}
