package io.parceltrack.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void passesWhenNothingWasFound() {
        Violations violations = new Violations();

        violations.throwIfAny();

        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void keepsOnlyTheFirstProblemOfAField() {
        Violations violations = new Violations();
        violations.add("time", Kind.MALFORMED, "must be RFC 3339");
        violations.add("time", Kind.REQUIRED, "is required");
        violations.add("place", Kind.TOO_LONG, "too long");

        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::kind)
                        .containsExactly(Kind.MALFORMED, Kind.TOO_LONG));
    }

    @Test
    void captureRecordsAFailedParseAndCarriesOn() {
        Violations violations = new Violations();

        TrackNumber parsed = violations.capture(() -> TrackNumber.parse("nope"));

        assertThat(parsed).isNull();
        assertThat(violations.isEmpty()).isFalse();
    }

    @Test
    void anInvalidInputNeedsAViolation() {
        assertThatThrownBy(() -> new InvalidInputException(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
