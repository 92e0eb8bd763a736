package io.parceltrack.domain.webhook;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifies one webhook endpoint; shown to managers as {@code ep_} and 32 hex digits. */
public record WebhookEndpointId(UUID value) {
    public static final String FIELD = "webhookId";
    private static final String PREFIX = "ep_";

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId random(RandomGenerator random) {
        return new WebhookEndpointId(new UUID(random.nextLong(), random.nextLong()));
    }

    /** Reads what {@link #toString()} wrote. */
    public static WebhookEndpointId parse(String field, String text) {
        if (text == null || !text.matches(PREFIX + "[0-9a-f]{32}")) {
            throw InvalidInputException.of(field, Kind.MALFORMED, "must be a webhook endpoint id like ep_ and 32 hex digits");
        }
        String hex = text.substring(PREFIX.length());
        return new WebhookEndpointId(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    @Override
    public String toString() {
        return PREFIX + String.format("%016x%016x", value.getMostSignificantBits(), value.getLeastSignificantBits());
    }
}
