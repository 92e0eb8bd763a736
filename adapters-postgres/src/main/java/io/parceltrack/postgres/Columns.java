package io.parceltrack.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reading and writing {@code timestamptz} columns as instants, whatever the JVM's or the session's
 * time zone.
 */
final class Columns {
    private Columns() {}

    /** {@code null} for SQL NULL. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The value to bind for {@code instant} (may be {@code null}): an offset time the driver sends as timestamptz. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
