package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rfc3339Instant accepts and refuses exactly what ISO_OFFSET_DATE_TIME does, with the same instant. */
class Rfc3339InstantTest {
    @Test
    void readsTheCommonForms() {
        assertThat(Rfc3339Instant.parse("2026-03-01T10:15:30Z")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(Rfc3339Instant.parse("2026-03-01T10:15:30.5Z")).isEqualTo(Instant.parse("2026-03-01T10:15:30.500Z"));
        assertThat(Rfc3339Instant.parse("2026-03-01T10:15:30.123456789+05:30"))
                .isEqualTo(Instant.parse("2026-03-01T04:45:30.123456789Z"));
        assertThat(Rfc3339Instant.parse("2024-02-29T23:59:59-08:00")).isEqualTo(Instant.parse("2024-03-01T07:59:59Z"));
    }

    @Test
    void refusesDatesAndTimesOutOfRangeAndTextOfAnotherShape() {
        for (String bad : new String[] {"2026-02-29T10:15:30Z", "2026-04-31T10:15:30Z", "2026-03-01T24:00:00Z",
            "2026-03-01T10:15:60Z", "2026-03-01T10:15:30", "2026-03-01 10:15:30Z", "2026-13-01T10:15:30Z",
            "2026-03-01T10:15:30+19:00"}) {
            assertThatThrownBy(() -> Rfc3339Instant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void agreesWithTheFormatterOnTheEdges() {
        for (String edge : new String[] {"2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z",
            "2026-03-01T10:15:30+18:00", "2026-03-01T10:15:30-00:00", "2026-03-01T10:15Z", "0000-01-01T00:00:00Z",
            "+12026-03-01T10:15:30Z", "2026-03-01T10:15:30+05:30:15", "\uFF12026-03-01T10:15:30Z", "2026-03-01T10:15:30+0530"}) {
            assertThat(outcome(() -> Rfc3339Instant.parse(edge))).as(edge)
                    .isEqualTo(outcome(() -> OffsetDateTime.parse(edge, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
        }
    }

    @Test
    void agreesWithTheFormatterOnRandomNearMisses() {
        Random random = new Random(7);
        String alphabet = "0123456789-+:.TZ ";
        for (int i = 0; i < 200_000; i++) {
            char[] text = randomDateTime(random).toCharArray();
            for (int change = random.nextInt(3); change > 0; change--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = random.nextInt(10) == 0 ? new String(text, 0, random.nextInt(text.length + 1)) : new String(text);
            assertThat(outcome(() -> Rfc3339Instant.parse(candidate)))
                    .as(candidate)
                    .isEqualTo(outcome(() -> OffsetDateTime.parse(candidate, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
        }
    }

    private static String randomDateTime(Random random) {
        String fraction = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "." + random.nextInt(10);
            case 2 -> String.format(".%03d", random.nextInt(1000));
            default -> String.format(".%09d", random.nextInt(1_000_000_000));
        };
        String offset = random.nextBoolean() ? "Z"
                : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(62));
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), fraction, offset);
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
