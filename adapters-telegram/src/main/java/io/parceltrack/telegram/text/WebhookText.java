package io.parceltrack.telegram.text;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookUrl;
import java.net.URI;
import java.util.stream.Collectors;

/** How the manager bot words webhook endpoints and delivery attempts. */
public final class WebhookText {
    /** Longest address shown, in code points; a longer one is cut with "…". */
    public static final int MAX_ADDRESS = 48;
    /** Longest receiver error shown per attempt. */
    public static final int MAX_ERROR = 160;

    private final Phrasebook texts;
    private final BotDates dates;

    public WebhookText(Phrasebook texts, BotDates dates) {
        this.texts = texts;
        this.dates = dates;
    }

    /**
     * The address as a manager recognises it, safe to show in a chat: host, port and path, but never
     * the query (which may carry a receiver's own key) and never more than {@value #MAX_ADDRESS}
     * characters.
     */
    public static String shortAddress(WebhookUrl url) {
        URI uri = url.value();
        String host = uri.getHost();
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String shown = (url.isHttps() ? "" : "http://") + host + port + path + (uri.getRawQuery() == null ? "" : "?…");
        return cut(shown, MAX_ADDRESS);
    }

    /** The state of an endpoint in a few words: working, failing since, disabled on. */
    public String health(EndpointHealth health) {
        if (health instanceof EndpointHealth.Failing failing) {
            return texts.plain(Text.WEBHOOK_FAILING, dates.format(failing.since()));
        }
        if (health instanceof EndpointHealth.Disabled disabled) {
            return texts.plain(Text.WEBHOOK_DISABLED, dates.format(disabled.at()));
        }
        return texts.plain(Text.WEBHOOK_HEALTHY);
    }

    /** A button's label: the state's sign and the address. */
    public String label(WebhookEndpointView endpoint) {
        String sign = health(endpoint.health()).split(" ", 2)[0];
        return sign + " " + shortAddress(endpoint.url());
    }

    /** The endpoint's header: id, address, events, state and what went wrong. */
    public Markup details(WebhookEndpointView endpoint) {
        String events = endpoint.events().stream().sorted().map(WebhookEventType::wireName)
                .collect(Collectors.joining(", "));
        Markup details = texts.phrase(Text.WEBHOOK_DETAILS, endpoint.id().toString(), shortAddress(endpoint.url()),
                events, health(endpoint.health()));
        if (endpoint.health() instanceof EndpointHealth.Failing failing) {
            return details.then(texts.phrase(Text.WEBHOOK_LAST_ERROR, cut(failing.lastError(), MAX_ERROR)));
        }
        if (endpoint.health() instanceof EndpointHealth.Disabled disabled) {
            return details.then(texts.phrase(Text.WEBHOOK_DISABLED_REASON, cut(disabled.reason(), MAX_ERROR)))
                    .then(texts.phrase(Text.WEBHOOK_DISABLED_HINT));
        }
        return details;
    }

    /** One attempt: time, type, number, status, latency, outcome, and the error below if any. */
    public Markup attempt(DeliveryAttempt attempt) {
        String status = attempt.statusCode() == 0 ? texts.plain(Text.WEBHOOK_NO_ANSWER)
                : texts.plain(Text.WEBHOOK_STATUS_CODE, attempt.statusCode());
        Markup line = texts.phrase(Text.WEBHOOK_ATTEMPT_LINE, dates.format(attempt.attemptedAt()), attempt.type(),
                attempt.attempt(), status, attempt.latency().toMillis(), outcome(attempt.outcome()));
        return attempt.error().isBlank() ? line : line.then(texts.phrase(Text.WEBHOOK_ATTEMPT_ERROR,
                cut(attempt.error(), MAX_ERROR)));
    }

    private String outcome(DeliveryAttempt.Outcome outcome) {
        return texts.plain(switch (outcome) {
            case DELIVERED -> Text.WEBHOOK_OUTCOME_DELIVERED;
            case RETRYING -> Text.WEBHOOK_OUTCOME_RETRYING;
            case FAILED -> Text.WEBHOOK_OUTCOME_FAILED;
            case GAVE_UP -> Text.WEBHOOK_OUTCOME_GAVE_UP;
        });
    }

    /** At most {@code max} code points, the last of them "…" when cut; never splits a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
