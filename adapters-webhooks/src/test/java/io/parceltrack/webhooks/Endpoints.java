package io.parceltrack.webhooks;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Endpoints as a store would hand them to the sender: registered under rules that let a local receiver in. */
final class Endpoints {
    static final SecureRandom RANDOM = new SecureRandom();
    static final DestinationRules LOCAL_TRIALS = new DestinationRules(true, true);

    private Endpoints() {}

    static WebhookEndpoint at(String url) {
        return at(url, List.of());
    }

    static WebhookEndpoint at(String url, List<RetiredSecret> retired) {
        return new WebhookEndpoint(WebhookEndpointId.random(RANDOM), new TelegramId(1 + RANDOM.nextInt(1_000_000)),
                WebhookUrl.parse(url, LOCAL_TRIALS), EnumSet.allOf(WebhookEventType.class),
                WebhookSecret.generate(RANDOM), retired, Instant.now(), EndpointHealth.healthy());
    }
}
