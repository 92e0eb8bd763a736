package io.parceltrack.domain.notification;

import io.parceltrack.domain.TelegramId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one notification to one person. Derived from the event and the recipient, so a
 * re-processed event yields the same ids and the duplicates can be recognised downstream.
 */
public record DeliveryId(UUID value) {
    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId of(EventId event, TelegramId recipient) {
        byte[] name = (event.value() + "/" + recipient.value()).getBytes(StandardCharsets.UTF_8);
        return new DeliveryId(UUID.nameUUIDFromBytes(name));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
