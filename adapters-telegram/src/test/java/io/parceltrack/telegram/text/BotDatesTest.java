package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BotDatesTest {
    private final BotDates moscow = new BotDates(ZoneId.of("Europe/Moscow"));

    @Test
    void showsInstantsAsDayMonthYearHoursMinutesInTheBotsZone() {
        assertThat(moscow.format(Instant.parse("2026-12-24T15:30:00Z"))).isEqualTo("24.12.2026 18:30");
    }

    @Test
    void readsWhatPeopleTypeInTheBotsZone() {
        assertThat(moscow.parse("24.12.2026 18:30", "time")).isEqualTo(Instant.parse("2026-12-24T15:30:00Z"));
        assertThat(moscow.parse(" 1.2.2027  9:05 ", "time")).isEqualTo(Instant.parse("2027-02-01T06:05:00Z"));
    }

    @Test
    void refusesImpossibleOrMisshapenDatesAsMalformed() {
        for (String typed : new String[] {"31.02.2027 10:00", "24.12.2026", "2026-12-24 18:30", "24.12.2026 25:00",
                "tomorrow"}) {
            assertThatThrownBy(() -> moscow.parse(typed, "forecastDate"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.violations().get(0).field()).isEqualTo("forecastDate");
                        assertThat(e.violations().get(0).kind()).isEqualTo(Kind.MALFORMED);
                    });
        }
    }

    @Test
    void offersTomorrowNoonAsAnExample() {
        assertThat(moscow.example(Instant.parse("2026-12-24T22:30:00Z"))).isEqualTo("26.12.2026 12:00");
    }
}
