package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.domain.webhook.WebhookUrl;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/** How webhook endpoint, delivery and attempt rows read. */
final class WebhookRows {
    static final String ENDPOINT_COLUMNS = """
            e.id, e.manager_telegram_id, e.url, e.events, e.secret, e.retired_secret, e.retired_secret_valid_until,
            e.created_at, e.failing_since, e.last_error, e.disabled_at, e.disabled_reason""";
    static final String DELIVERY_COLUMNS = """
            d.id, d.endpoint_id, d.message_id, d.event_type, d.ordering_key, d.message_created_at, d.body,
            d.attempts, d.enqueued_at, d.trace""";
    static final String ATTEMPT_COLUMNS = """
            a.endpoint_id, a.message_id, a.event_type, a.attempt, a.attempted_at, a.status_code, a.latency_ms,
            a.error, a.outcome""";

    static final RowMapper<WebhookEndpoint> ENDPOINT = (row, context) -> endpoint(row);

    static final RowMapper<ScheduledDelivery> DELIVERY = (row, context) -> new ScheduledDelivery(
            row.getLong("id"),
            new WebhookEndpointId(row.getObject("endpoint_id", UUID.class)),
            new WebhookMessage(new MessageId(row.getString("message_id")), row.getString("event_type"),
                    row.getString("ordering_key"), Columns.instant(row, "message_created_at"), row.getString("body")),
            row.getInt("attempts"),
            Columns.instant(row, "enqueued_at"),
            row.getString("trace"));

    static final RowMapper<DeliveryAttempt> ATTEMPT = (row, context) -> new DeliveryAttempt(
            new WebhookEndpointId(row.getObject("endpoint_id", UUID.class)),
            new MessageId(row.getString("message_id")),
            row.getString("event_type"),
            row.getInt("attempt"),
            Columns.instant(row, "attempted_at"),
            row.getInt("status_code"),
            Duration.ofMillis(row.getLong("latency_ms")),
            row.getString("error"),
            DeliveryAttempt.Outcome.valueOf(row.getString("outcome")));

    private WebhookRows() {}

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        String retired = row.getString("retired_secret");
        List<RetiredSecret> retiredSecrets = retired == null ? List.of()
                : List.of(new RetiredSecret(new WebhookSecret(retired), Columns.instant(row, "retired_secret_valid_until")));
        return new WebhookEndpoint(
                new WebhookEndpointId(row.getObject("id", UUID.class)),
                new TelegramId(row.getLong("manager_telegram_id")),
                // Stored only after it passed the rules in force then; it is judged again at each send.
                new WebhookUrl(URI.create(row.getString("url"))),
                events(row.getArray("events")),
                new WebhookSecret(row.getString("secret")),
                retiredSecrets,
                Columns.instant(row, "created_at"),
                health(row));
    }

    private static Set<WebhookEventType> events(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray())
                .map(name -> WebhookEventType.parse("events", name))
                .collect(Collectors.toSet());
    }

    private static EndpointHealth health(ResultSet row) throws SQLException {
        Instant disabledAt = Columns.instant(row, "disabled_at");
        if (disabledAt != null) {
            return new EndpointHealth.Disabled(disabledAt, row.getString("disabled_reason"));
        }
        Instant failingSince = Columns.instant(row, "failing_since");
        return failingSince == null ? EndpointHealth.healthy()
                : new EndpointHealth.Failing(failingSince, row.getString("last_error"));
    }

    /** The event names of an endpoint, as stored. */
    static String[] eventNames(Set<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::wireName).sorted().toArray(String[]::new);
    }
}
