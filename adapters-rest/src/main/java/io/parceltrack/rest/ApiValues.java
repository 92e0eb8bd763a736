package io.parceltrack.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** How responses write values that have more than one textual form. */
final class ApiValues {
    /**
     * RFC 3339 in UTC with only the fractional digits the instant has: {@code 09:30:00Z} stays so,
     * {@code 09:30:00.5Z} is not padded to {@code .500}, as {@link Instant#toString()} would.
     */
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    private ApiValues() {}

    static String time(Instant instant) {
        return INSTANT.format(instant);
    }

    /** An optional text left out or blank is {@code null} in responses, as the OpenAPI document says. */
    static String optionalText(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
