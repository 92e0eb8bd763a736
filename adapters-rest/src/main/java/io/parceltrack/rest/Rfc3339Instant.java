package io.parceltrack.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads an RFC 3339 date-time with an offset as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * does. The form clients send nearly always ({@code 2026-03-01T10:15:30Z}, with an optional
 * fraction and a {@code +hh:mm} offset instead of {@code Z}) is read directly, because the
 * formatter's general parse was a noticeable part of a checkpoint POST's CPU; whatever else, or
 * out of range, goes to the formatter, so what is accepted or refused and how is unchanged.
 */
final class Rfc3339Instant {
    private static final int SHORTEST = "2026-03-01T10:15:30Z".length();
    private static final int MAX_FRACTION_DIGITS = 9;
    /** Offsets of 18 hours are valid but rare enough to leave to the formatter with the rest. */
    private static final int MAX_FAST_OFFSET_HOURS = 17;

    private Rfc3339Instant() {}

    /** @throws java.time.format.DateTimeParseException if {@code text} is not such a date-time */
    static Instant parse(String text) {
        Instant fast = parseCommonForm(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code null} unless {@code text} is {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)} with every field in range. */
    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < SHORTEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position)) && position - start < MAX_FRACTION_DIGITS) {
                nanos = nanos * 10 + text.charAt(position) - '0';
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0) {
                return null;
            }
            for (int pad = fractionDigits; pad < MAX_FRACTION_DIGITS; pad++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        try {
            long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second
                    - offset.getTotalSeconds();
            return Instant.ofEpochSecond(epochSecond, nanos);
        } catch (DateTimeException unexpected) {
            return null;
        }
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code position}; {@code null} if anything else. */
    private static ZoneOffset offset(String text, int position) {
        int left = text.length() - position;
        if (left == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = left == 6 ? text.charAt(position) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if (hours < 0 || hours > MAX_FAST_OFFSET_HOURS || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}; -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
