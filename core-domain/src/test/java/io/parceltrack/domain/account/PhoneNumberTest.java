package io.parceltrack.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+79991234567|+79991234567",
            "+7 999 123-45-67|+79991234567",
            "+7 (999) 123 45 67|+79991234567",
            "0049 30 1234567|+49301234567",
            "+1.415.555.2671|+14155552671",
            "\u00A0+44\u00A020 7946 0958 |+442079460958"})
    void normalisesCommonNotationsToE164(String typed, String normalised) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"89991234567", "+0123456789", "+7999", "+7999123456789012", "+7 999 CALL ME",
            "phone", "++79991234567", "+7999123456x"})
    void rejectsNumbersWithoutCountryCodeOrWithGarbage(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("country code");
    }
}
