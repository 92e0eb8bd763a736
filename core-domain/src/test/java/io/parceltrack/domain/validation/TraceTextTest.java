package io.parceltrack.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x", "!~"})
    void acceptsPrintableAscii(String trace) {
        assertThat(TraceText.isValid(trace)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "line\nbreak", "del\u007f", "caf\u00e9", "\u0000"})
    void refusesEmptyBlanksControlsAndNonAscii(String trace) {
        assertThat(TraceText.isValid(trace)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {TraceText.MAX_LENGTH, TraceText.MAX_LENGTH + 1})
    void isBoundedInLength(int length) {
        assertThat(TraceText.isValid("a".repeat(length))).isEqualTo(length <= TraceText.MAX_LENGTH);
    }
}
