package io.parceltrack.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;

import io.parceltrack.domain.validation.FieldViolation.Kind;
import org.junit.jupiter.api.Test;

class TextRuleTest {
    private final TextRule company = TextRule.singleLine("company", 3, 255);
    private final TextRule notes = TextRule.multiLine("notes", 0, 10);

    @Test
    void optionalTextIsAbsentWhenBlank() {
        Violations violations = new Violations();

        assertThat(company.checkOptional("   ", violations)).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void optionalTextIsStillCheckedWhenGiven() {
        Violations violations = new Violations();

        assertThat(company.checkOptional("ab", violations)).isNull();
        assertThat(violations.isEmpty()).isFalse();
    }

    @Test
    void multiLineTextNormalisesWindowsLineBreaks() {
        assertThat(notes.require("a\r\nb\tc")).isEqualTo("a\nb\tc");
    }

    @Test
    void zeroMinimumMeansBlankIsEmptyText() {
        assertThat(notes.require(null)).isEmpty();
    }

    @Test
    void reportsTheLengthItFound() {
        assertThatThrownBy(() -> notes.require("x".repeat(11)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).kind()).isEqualTo(Kind.TOO_LONG);
                    assertThat(e.violations().get(0).message()).contains("at most 10").contains("got 11");
                });
    }
}
