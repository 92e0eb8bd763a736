package io.parceltrack.domain.parcel;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a parcel is in its life. {@link #UNKNOWN} exists only for messages that carry no status. */
public enum ParcelStatus {
    UNKNOWN,
    PENDING,
    IN_TRANSIT,
    DELIVERED,
    CANCELED;

    /** No checkpoint may follow a final status. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELED;
    }

    /** Statuses a checkpoint may carry. */
    public static ParcelStatus[] checkpointStatuses() {
        return new ParcelStatus[] {PENDING, IN_TRANSIT, DELIVERED, CANCELED};
    }

    /** Parses a status name as sent by API clients, case-insensitively. */
    public static ParcelStatus parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(field, Kind.REQUIRED, "is required, one of " + allowedNames());
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        for (ParcelStatus status : checkpointStatuses()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        throw InvalidInputException.of(field, Kind.MALFORMED, "must be one of " + allowedNames());
    }

    private static String allowedNames() {
        return Arrays.stream(checkpointStatuses()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
