package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.text.BotDates.Reading;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotDatesTest {
    private final BotDates moscow = new BotDates(ZoneId.of("Europe/Moscow"));

    @Test
    void showsInstantsAsDayMonthYearHoursMinutesInTheBotsZone() {
        assertThat(moscow.format(Instant.parse("2026-12-24T15:30:00Z"))).isEqualTo("24.12.2026 18:30");
    }

    @Test
    void namesTheOffsetFromUtcWhereTheTimeZoneMatters() {
        Instant instant = Instant.parse("2026-03-01T09:30:00Z");

        assertThat(moscow.formatWithZone(instant)).isEqualTo("01.03.2026 12:30 (UTC+3)");
        assertThat(new BotDates(ZoneId.of("UTC")).formatWithZone(instant)).isEqualTo("01.03.2026 09:30 (UTC)");
        assertThat(new BotDates(ZoneId.of("Asia/Kolkata")).utcOffset(instant)).isEqualTo("UTC+5:30");
        assertThat(new BotDates(ZoneId.of("America/St_Johns")).utcOffset(instant)).isEqualTo("UTC-3:30");
    }

    @Test
    void readsWhatPeopleTypeInTheBotsZone() {
        assertThat(moscow.read("24.12.2026 18:30")).isEqualTo(new Reading.Moment(Instant.parse("2026-12-24T15:30:00Z")));
        assertThat(moscow.read(" 1.2.2027  9:05 ")).isEqualTo(new Reading.Moment(Instant.parse("2027-02-01T06:05:00Z")));
    }

    @Test
    void tellsADateNoCalendarHasFromOneInTheWrongShape() {
        assertThat(moscow.read("31.02.2026 12:00")).isEqualTo(new Reading.NoSuchDate("31.02.2026 12:00"));
        assertThat(moscow.read("29.02.2027 10:00")).isEqualTo(new Reading.NoSuchDate("29.02.2027 10:00"));
        assertThat(moscow.read("24.12.2026 25:00")).isEqualTo(new Reading.NoSuchDate("24.12.2026 25:00"));
        assertThat(moscow.read("29.02.2028 10:00")).isInstanceOf(Reading.Moment.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24.12.2026", "2026-12-24 18:30", "tomorrow", "24.12.26 18:30", "24.12.2026 18:3",
            "２４.12.2026 18:30", ""})
    void refusesWhatIsNotADateOfThatShape(String typed) {
        assertThat(moscow.read(typed)).isEqualTo(new Reading.Malformed());
    }

    @Test
    void offersTomorrowNoonAsAnExample() {
        assertThat(moscow.example(Instant.parse("2026-12-24T22:30:00Z"))).isEqualTo("26.12.2026 12:00");
    }
}
