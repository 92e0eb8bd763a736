package io.parceltrack.telegram.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people read and type them in the bots: {@code DD.MM.YYYY HH:MM} in the bot's time zone.
 * Single-digit days, months and hours are forgiven ({@code 1.2.2027 9:05}). A date written in the
 * right shape that no calendar has ({@code 31.02.2026}) is told apart from one in the wrong shape.
 */
public final class BotDates {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    private static final Pattern TYPED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}) (\\d{1,2}):(\\d{2})");

    /** What a typed date turned out to be. */
    public sealed interface Reading {
        record Moment(Instant instant) implements Reading {}

        /** The right shape, but no such day or time, e.g. {@code 31.02.2026} or {@code 24:00}. */
        record NoSuchDate(String date) implements Reading {}

        record Malformed() implements Reading {}
    }

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

    /** The time with the zone's offset from UTC at that moment, e.g. {@code 01.03.2026 12:30 (UTC+3)}. */
    public String formatWithZone(Instant instant) {
        return format(instant) + " (" + utcOffset(instant) + ")";
    }

    /** The zone's offset from UTC at {@code instant}: {@code UTC}, {@code UTC+3}, {@code UTC+5:30}, {@code UTC-3:30}. */
    public String utcOffset(Instant instant) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return "UTC" + sign + minutes / 60 + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }

    /** An example to show next to a question: tomorrow at noon. */
    public String example(Instant now) {
        return format(now.atZone(zone).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(12).toInstant());
    }

    /** Reads a date as a person typed it. */
    public Reading read(String typed) {
        if (typed == null) {
            return new Reading.Malformed();
        }
        Matcher parts = TYPED.matcher(typed.strip().replaceAll("\\s+", " "));
        if (!parts.matches()) {
            return new Reading.Malformed();
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(parts, 3), number(parts, 2), number(parts, 1),
                    number(parts, 4), number(parts, 5));
            return new Reading.Moment(local.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return new Reading.NoSuchDate(parts.group(1) + "." + parts.group(2) + "." + parts.group(3) + " "
                    + parts.group(4) + ":" + parts.group(5));
        }
    }

    private static int number(Matcher parts, int group) {
        return Integer.parseInt(parts.group(group));
    }
}
