package io.parceltrack.proto;

import com.google.protobuf.Duration;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookUrl;
import io.parceltrack.proto.webhooks.manager.DeliveryOutcome;
import io.parceltrack.proto.webhooks.manager.EndpointHealthState;
import io.parceltrack.proto.webhooks.manager.WebhookDelivery;
import io.parceltrack.proto.webhooks.manager.WebhookEndpoint;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The translation between the domain's webhook views and the messages of the ManagerWebhooks
 * service. Replies are read strictly: a field the domain refuses throws, and the caller reports the
 * remote side as broken.
 */
public final class WebhookProtoMapping {
    private WebhookProtoMapping() {}

    // --- endpoints

    public static WebhookEndpoint toProto(WebhookEndpointView endpoint) {
        WebhookEndpoint.Builder builder = WebhookEndpoint.newBuilder()
                .setId(endpoint.id().toString())
                .setUrl(endpoint.url().toString())
                .setCreatedAt(ProtoMapping.toProto(endpoint.createdAt()));
        endpoint.events().stream().sorted().map(WebhookEventType::wireName).forEach(builder::addEvents);
        EndpointHealth health = endpoint.health();
        if (health instanceof EndpointHealth.Failing failing) {
            builder.setHealth(EndpointHealthState.FAILING).setHealthSince(ProtoMapping.toProto(failing.since()))
                    .setHealthDetail(failing.lastError());
        } else if (health instanceof EndpointHealth.Disabled disabled) {
            builder.setHealth(EndpointHealthState.DISABLED).setHealthSince(ProtoMapping.toProto(disabled.at()))
                    .setHealthDetail(disabled.reason());
        } else {
            builder.setHealth(EndpointHealthState.HEALTHY);
        }
        return builder.build();
    }

    public static WebhookEndpointView toDomain(WebhookEndpoint endpoint) {
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        endpoint.getEventsList().forEach(name -> events.add(WebhookEventType.parse("events", name)));
        return new WebhookEndpointView(WebhookEndpointId.parse("id", endpoint.getId()), url(endpoint.getUrl()), events,
                required("created_at", endpoint.hasCreatedAt(), endpoint.getCreatedAt()), health(endpoint));
    }

    private static EndpointHealth health(WebhookEndpoint endpoint) {
        return switch (endpoint.getHealth()) {
            case HEALTHY -> EndpointHealth.healthy();
            case FAILING -> new EndpointHealth.Failing(
                    required("health_since", endpoint.hasHealthSince(), endpoint.getHealthSince()), endpoint.getHealthDetail());
            case DISABLED -> new EndpointHealth.Disabled(
                    required("health_since", endpoint.hasHealthSince(), endpoint.getHealthSince()), endpoint.getHealthDetail());
            default -> throw new IllegalArgumentException("unknown endpoint health " + endpoint.getHealth());
        };
    }

    // --- delivery attempts

    public static WebhookDelivery toProto(DeliveryAttempt attempt) {
        return WebhookDelivery.newBuilder()
                .setMessageId(attempt.message().value())
                .setType(attempt.type())
                .setAttempt(attempt.attempt())
                .setAttemptedAt(ProtoMapping.toProto(attempt.attemptedAt()))
                .setStatusCode(attempt.statusCode())
                .setLatency(Duration.newBuilder().setSeconds(attempt.latency().getSeconds())
                        .setNanos(attempt.latency().getNano()))
                .setError(attempt.error())
                .setOutcome(switch (attempt.outcome()) {
                    case DELIVERED -> DeliveryOutcome.DELIVERED;
                    case RETRYING -> DeliveryOutcome.RETRYING;
                    case FAILED -> DeliveryOutcome.FAILED;
                    case GAVE_UP -> DeliveryOutcome.GAVE_UP;
                })
                .build();
    }

    /** {@code endpoint}: the one the deliveries were asked for (the message does not repeat it). */
    public static DeliveryAttempt toDomain(WebhookEndpointId endpoint, WebhookDelivery delivery) {
        DeliveryAttempt.Outcome outcome = switch (delivery.getOutcome()) {
            case DELIVERED -> DeliveryAttempt.Outcome.DELIVERED;
            case RETRYING -> DeliveryAttempt.Outcome.RETRYING;
            case FAILED -> DeliveryAttempt.Outcome.FAILED;
            case GAVE_UP -> DeliveryAttempt.Outcome.GAVE_UP;
            default -> throw new IllegalArgumentException("unknown delivery outcome " + delivery.getOutcome());
        };
        return new DeliveryAttempt(endpoint, new MessageId(delivery.getMessageId()), delivery.getType(),
                delivery.getAttempt(), required("attempted_at", delivery.hasAttemptedAt(), delivery.getAttemptedAt()),
                delivery.getStatusCode(),
                java.time.Duration.ofSeconds(delivery.getLatency().getSeconds(), delivery.getLatency().getNanos()),
                delivery.getError(), outcome);
    }

    // --- notices

    public static io.parceltrack.proto.webhooks.manager.EndpointDisabledNotice toProto(EndpointDisabledNotice notice) {
        return io.parceltrack.proto.webhooks.manager.EndpointDisabledNotice.newBuilder()
                .setEndpointId(notice.endpoint().toString())
                .setManagerTelegramId(notice.manager().value())
                .setUrl(notice.url().toString())
                .setDisabledAt(ProtoMapping.toProto(notice.disabledAt()))
                .setReason(notice.reason())
                .build();
    }

    public static EndpointDisabledNotice toDomain(io.parceltrack.proto.webhooks.manager.EndpointDisabledNotice notice) {
        return new EndpointDisabledNotice(WebhookEndpointId.parse("endpoint_id", notice.getEndpointId()),
                new TelegramId(notice.getManagerTelegramId()), url(notice.getUrl()),
                required("disabled_at", notice.hasDisabledAt(), notice.getDisabledAt()), notice.getReason());
    }

    // --- shared

    /** A URL the service already accepted when it was registered: not judged again, only read. */
    private static WebhookUrl url(String text) {
        URI uri = URI.create(text);
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host");
        }
        return new WebhookUrl(uri);
    }

    private static Instant required(String field, boolean present, com.google.protobuf.Timestamp timestamp) {
        Instant instant = ProtoMapping.toInstant(field, present, timestamp);
        if (instant == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return instant;
    }
}
