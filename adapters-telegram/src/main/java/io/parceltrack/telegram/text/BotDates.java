package io.parceltrack.telegram.text;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * Dates as people read and type them in the bots: {@code DD.MM.YYYY HH:MM} in the bot's time zone.
 * Single-digit days, months and hours are forgiven ({@code 1.2.2027 9:05}).
 */
public final class BotDates {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    private static final DateTimeFormatter TYPED =
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    public BotDates(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }

    /** An example to show next to a question: tomorrow at noon. */
    public String example(Instant now) {
        return format(now.atZone(zone).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(12).toInstant());
    }

    /** @throws InvalidInputException ({@code field}, MALFORMED) unless the text is such a date */
    public Instant parse(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw InvalidInputException.of(field, Kind.REQUIRED, "is required");
        }
        String compact = typed.strip().replaceAll("\\s+", " ");
        try {
            return LocalDateTime.parse(compact, TYPED).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, Kind.MALFORMED, "must be a date like 24.12.2026 18:30");
        }
    }
}
