package io.parceltrack.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading {@code timestamptz} columns as instants, whatever the JVM's or the session's time zone. */
final class Columns {
    private Columns() {}

    /** {@code null} for SQL NULL. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
