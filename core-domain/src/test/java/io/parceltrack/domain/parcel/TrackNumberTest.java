package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrackNumberTest {

    @Test
    void acceptsTwoLettersAndNineDigits() {
        assertThat(new TrackNumber("VF834349180").value()).isEqualTo("VF834349180");
    }

    @Test
    void trimsAndUpperCasesWhatPeopleType() {
        assertThat(TrackNumber.parse("  vf834349180\n")).isEqualTo(new TrackNumber("VF834349180"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VF83434918", "VF8343491800", "V1834349180", "VFF34349180", "ВФ834349180",
            "VF 834349180", "VF834349I80", "VF８３４３４９１８０", "VF-834349180", "'; DROP TABLE parcels;--"})
    void rejectsAnythingElseAsInvalidInput(String raw) {
        assertThatThrownBy(() -> TrackNumber.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("trackNumber", Kind.MALFORMED)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VF83434918", "VF 834349180", "VF８３４３４９１８０", "", "   ", "hello"})
    void triesTextWithoutThrowingForWhatIsNoTrackNumber(String raw) {
        assertThat(TrackNumber.tryParse(raw)).isEmpty();
        assertThat(TrackNumber.tryParse(null)).isEmpty();
    }

    @Test
    void triesTextWithTheSameForgivenessAsParse() {
        assertThat(TrackNumber.tryParse(" vf834349180 ")).contains(new TrackNumber("VF834349180"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void reportsAMissingTrackNumberAsRequired(String raw) {
        assertThatThrownBy(() -> TrackNumber.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.REQUIRED));
    }

    @Test
    void reportsNullAsRequired() {
        assertThatThrownBy(() -> TrackNumber.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void generatesValidNumbersFromTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<String> numbers = new HashSet<>();
        Set<Character> firstLetters = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            TrackNumber number = TrackNumber.generate(random);
            numbers.add(number.value());
            firstLetters.add(number.value().charAt(0));
        }
        assertThat(numbers).hasSize(5_000);
        assertThat(firstLetters).hasSize(26);
    }

    @Test
    void generationFollowsItsRandomSource() {
        assertThat(TrackNumber.generate(new Random(7))).isEqualTo(TrackNumber.generate(new Random(7)));
    }
}
