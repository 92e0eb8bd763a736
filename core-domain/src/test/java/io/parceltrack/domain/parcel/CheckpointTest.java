package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Instant TIME = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void trimsTextAndAcceptsEmptyPlaceAndDescription() {
        Checkpoint checkpoint = new Checkpoint(TIME, "  Kazan ", null, ParcelStatus.IN_TRANSIT);

        assertThat(checkpoint.place()).isEqualTo("Kazan");
        assertThat(checkpoint.description()).isEmpty();
    }

    @Test
    void mayNotCarryUnknownStatus() {
        assertThatThrownBy(() -> new Checkpoint(TIME, "", "", ParcelStatus.UNKNOWN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind)
                        .containsExactly(tuple("status", Kind.MALFORMED)));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new Checkpoint(null, "p".repeat(256), "d".repeat(256), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind)
                        .containsExactly(
                                tuple("time", Kind.REQUIRED),
                                tuple("place", Kind.TOO_LONG),
                                tuple("description", Kind.TOO_LONG),
                                tuple("status", Kind.REQUIRED)));
    }

    @Test
    void acceptsTheLongestPlaceAndMultiLineDescription() {
        Checkpoint checkpoint = new Checkpoint(TIME, "p".repeat(255), "line 1\nline 2", ParcelStatus.PENDING);

        assertThat(checkpoint.place()).hasSize(255);
        assertThat(checkpoint.description()).contains("\n");
    }

    @Test
    void refusesALineBreakInThePlace() {
        assertThatThrownBy(() -> new Checkpoint(TIME, "Kazan\nMoscow", "", ParcelStatus.PENDING))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("place");
    }

    @Test
    void refusesTimesOutsideYears2000To9999() {
        assertThatThrownBy(() -> new Checkpoint(Instant.parse("1999-12-31T23:59:59Z"), "", "", ParcelStatus.PENDING))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.OUT_OF_RANGE));
        assertThatThrownBy(() -> new Checkpoint(Instant.parse("+10000-01-01T00:00:00Z"), "", "", ParcelStatus.PENDING))
                .isInstanceOf(InvalidInputException.class);
    }
}
