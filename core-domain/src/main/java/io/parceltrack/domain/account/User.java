package io.parceltrack.domain.account;

import io.parceltrack.domain.StoredPrecision;
import io.parceltrack.domain.TelegramId;
import java.time.Instant;
import java.util.Objects;

/** A recipient who looks parcels up and subscribes to them. */
public record User(TelegramId id, PersonProfile profile, Instant registeredAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        registeredAt = StoredPrecision.micros(Objects.requireNonNull(registeredAt, "registeredAt"));
    }
}
