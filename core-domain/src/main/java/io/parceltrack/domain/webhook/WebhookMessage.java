package io.parceltrack.domain.webhook;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One webhook as it is sent, on every attempt alike: its id, type, and the JSON body in the Standard
 * Webhooks envelope ({@code type}, {@code timestamp}, {@code data}). {@code orderingKey} groups the
 * messages that must reach an endpoint in order: those of one parcel (its track number).
 */
public record WebhookMessage(MessageId id, String type, String orderingKey, Instant createdAt, String body) {
    public static final int MAX_BODY_CHARS = 16_384;

    public WebhookMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(body, "body");
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("a webhook body holds at most " + MAX_BODY_CHARS + " characters");
        }
    }

    /** The message announcing {@code event} as a webhook of {@code type}. */
    public static WebhookMessage of(WebhookEventType type, ParcelEvent event) {
        JsonObjectText data = new JsonObjectText()
                .field("event_id", event.id().toString())
                .field("parcel_track_number", event.trackNumber().value())
                .field("parcel_name", event.parcelName())
                .field("parcel_status", ParcelStatusAfter.of(event).name());
        if (event.statusBefore() != ParcelStatus.UNKNOWN) {
            data.field("previous_parcel_status", event.statusBefore().name());
        }
        if (event.isCheckpoint()) {
            Checkpoint checkpoint = event.checkpoint();
            data.field("checkpoint", new JsonObjectText()
                    .field("checkpoint_time", checkpoint.time().toString())
                    .field("checkpoint_place", checkpoint.place())
                    .field("checkpoint_description", checkpoint.description())
                    .field("checkpoint_parcel_status", checkpoint.status().name()));
        }
        String body = envelope(type.wireName(), event.occurredAt(), data);
        return new WebhookMessage(MessageId.of(event.id(), type), type.wireName(), event.trackNumber().value(),
                event.occurredAt(), body);
    }

    /** A message that only proves the endpoint receives and verifies our webhooks. */
    public static WebhookMessage test(MessageId id, WebhookEndpointId endpoint, Instant now) {
        JsonObjectText data = new JsonObjectText()
                .field("endpoint_id", endpoint.toString())
                .field("message", "This is a test webhook from ParcelTrack.");
        return new WebhookMessage(id, WebhookEventType.TEST_TYPE, "", now, envelope(WebhookEventType.TEST_TYPE, now, data));
    }

    private static String envelope(String type, Instant timestamp, JsonObjectText data) {
        return new JsonObjectText().field("type", type).field("timestamp", timestamp.toString()).field("data", data)
                .toString();
    }
}
