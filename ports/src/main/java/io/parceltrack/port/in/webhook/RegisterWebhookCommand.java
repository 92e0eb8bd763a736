package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.Violations;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.WebhookEventType;
import io.parceltrack.domain.webhook.WebhookUrl;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A manager asks for webhooks of {@code events} at {@code url}. */
public record RegisterWebhookCommand(TelegramId manager, WebhookUrl url, Set<WebhookEventType> events) {
    public static final String EVENTS_FIELD = "events";

    public RegisterWebhookCommand {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("at least one event");
        }
    }

    /**
     * Checks the raw input against the rules and reports every problem at once. {@code events}
     * names event types; a name given twice counts once.
     *
     * @throws io.parceltrack.domain.error.InvalidInputException naming each bad field
     */
    public static RegisterWebhookCommand parse(TelegramId manager, String url, List<String> events,
            DestinationRules rules) {
        Violations violations = new Violations();
        WebhookUrl parsedUrl = violations.capture(() -> WebhookUrl.parse(url, rules));
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        if (events == null || events.isEmpty()) {
            violations.add(EVENTS_FIELD, Kind.REQUIRED, "must name at least one of "
                    + List.of(WebhookEventType.values()).stream().map(WebhookEventType::wireName).toList());
        } else {
            for (String event : events) {
                WebhookEventType type = violations.capture(() -> WebhookEventType.parse(EVENTS_FIELD, event));
                if (type != null) {
                    types.add(type);
                }
            }
        }
        violations.throwIfAny();
        return new RegisterWebhookCommand(manager, parsedUrl, types);
    }
}
