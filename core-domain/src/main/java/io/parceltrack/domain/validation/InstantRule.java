package io.parceltrack.domain.validation;

import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.StoredPrecision;
import java.time.Instant;

/**
 * Bounds for instants entered by people or systems: a year between 2000 and 9999. It keeps out
 * typos such as year 20025 and anything a database or a date formatter cannot represent.
 */
public record InstantRule(String field) {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public Instant check(Instant value, Violations violations) {
        if (value == null) {
            violations.add(field, Kind.REQUIRED, "is required");
            return null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            violations.add(field, Kind.OUT_OF_RANGE, "must be between years 2000 and 9999");
            return null;
        }
        return StoredPrecision.micros(value);
    }
}
