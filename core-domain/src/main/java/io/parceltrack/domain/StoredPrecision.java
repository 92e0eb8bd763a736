package io.parceltrack.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants are kept to the microsecond: what PostgreSQL stores. Truncating when a value enters the
 * model means a parcel reads back exactly as it was returned when it was created, whichever store
 * holds it.
 */
public final class StoredPrecision {
    private StoredPrecision() {}

    /** {@code instant} truncated to microseconds; {@code null} stays {@code null}. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
