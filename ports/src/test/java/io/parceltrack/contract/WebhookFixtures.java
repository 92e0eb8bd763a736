package io.parceltrack.contract;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Webhook endpoints, messages and attempts for tests. */
public final class WebhookFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookFixtures() {}

    public static WebhookEndpoint endpoint(TelegramId manager) {
        return endpoint(manager, Fixtures.T0);
    }

    public static WebhookEndpoint endpoint(TelegramId manager, Instant createdAt) {
        return new WebhookEndpoint(WebhookEndpointId.random(RANDOM), manager,
                WebhookUrl.parse("https://hooks.shop.example/parceltrack", DestinationRules.strict()),
                EnumSet.allOf(WebhookEventType.class), WebhookSecret.generate(RANDOM), List.of(), createdAt,
                EndpointHealth.healthy());
    }

    /** A message of parcel {@code orderingKey} (a track number), with a fresh id. */
    public static WebhookMessage message(String orderingKey) {
        return new WebhookMessage(MessageId.random(RANDOM), WebhookEventType.CHECKPOINT_RECORDED.wireName(),
                orderingKey, Fixtures.T0, "{\"type\":\"checkpoint.recorded\",\"data\":{\"n\":\"" + RANDOM.nextInt() + "\"}}");
    }

    public static ScheduledDelivery delivery(WebhookEndpoint endpoint, WebhookMessage message, Instant at) {
        return ScheduledDelivery.fresh(endpoint.id(), message, at);
    }

    public static DeliveryAttempt attempt(WebhookEndpointId endpoint, int number, Instant at, DeliveryAttempt.Outcome outcome) {
        return new DeliveryAttempt(endpoint, MessageId.random(RANDOM), WebhookEventType.CHECKPOINT_RECORDED.wireName(),
                number, at, outcome == DeliveryAttempt.Outcome.DELIVERED ? 200 : 503, Duration.ofMillis(42),
                outcome == DeliveryAttempt.Outcome.DELIVERED ? "" : "answered 503", outcome);
    }
}
