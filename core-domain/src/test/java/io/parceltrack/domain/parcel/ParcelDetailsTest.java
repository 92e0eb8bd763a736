package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParcelDetailsTest {
    private static final Instant FORECAST = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void acceptsTheBoundsOfEveryField() {
        ParcelDetails details = new ParcelDetails("abc", "r".repeat(255), "a".repeat(255), FORECAST, "d".repeat(255));

        assertThat(details.name()).isEqualTo("abc");
        assertThat(new ParcelDetails("n".repeat(100), "abc", "abc", FORECAST, "").name()).hasSize(100);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundredEmoji = "📦".repeat(100);

        assertThat(new ParcelDetails(hundredEmoji, "Bob", "Main St", FORECAST, "").name()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> new ParcelDetails(hundredEmoji + "📦", "Bob", "Main St", FORECAST, ""))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new ParcelDetails("ab", "", "x".repeat(256), null, "d".repeat(256)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind)
                        .containsExactly(
                                tuple("name", Kind.TOO_SHORT),
                                tuple("recipient", Kind.REQUIRED),
                                tuple("arrivalAddress", Kind.TOO_LONG),
                                tuple("forecastDate", Kind.REQUIRED),
                                tuple("description", Kind.TOO_LONG)));
    }

    @Test
    void trimsBeforeMeasuring() {
        assertThatThrownBy(() -> new ParcelDetails("  ab  ", "Bob", "Main St", FORECAST, ""))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.TOO_SHORT));
        assertThat(new ParcelDetails("  Box  ", " Bob ", " Main St ", FORECAST, "  ").name()).isEqualTo("Box");
    }

    @Test
    void refusesControlCharactersAndBrokenUnicode() {
        assertThatThrownBy(() -> new ParcelDetails("Box\u0000", "Bob", "Main St", FORECAST, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new ParcelDetails("Box", "Bob\u001b[31m", "Main St", FORECAST, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new ParcelDetails("Box \uD83D", "Bob", "Main St", FORECAST, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> new ParcelDetails("Box", "Bob", "Main St", FORECAST, "bell\u0007"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("description");
    }
}
