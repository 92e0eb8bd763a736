package io.parceltrack.domain.webhook;

import io.parceltrack.domain.notification.EventId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The {@code webhook-id} of one message: the same on every attempt, so that receivers can drop
 * copies. Derived from the parcel event and the webhook type, so an event handled twice yields the
 * same ids.
 */
public record MessageId(String value) {
    private static final String PREFIX = "msg_";

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (!value.matches(PREFIX + "[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a message id");
        }
    }

    public static MessageId of(EventId event, WebhookEventType type) {
        byte[] name = (event.value() + "/" + type.wireName()).getBytes(StandardCharsets.UTF_8);
        return of(UUID.nameUUIDFromBytes(name));
    }

    public static MessageId random(RandomGenerator random) {
        return of(new UUID(random.nextLong(), random.nextLong()));
    }

    private static MessageId of(UUID uuid) {
        return new MessageId(PREFIX + String.format("%016x%016x", uuid.getMostSignificantBits(),
                uuid.getLeastSignificantBits()));
    }

    @Override
    public String toString() {
        return value;
    }
}
