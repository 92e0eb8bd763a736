package io.parceltrack.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import org.junit.jupiter.api.Test;

class PersonProfileTest {

    @Test
    void parsesAndNormalisesEveryField() {
        PersonProfile profile = PersonProfile.parse(" Анна Смирнова ", "Anna@Mail.RU", "+7 999 123 45 67");

        assertThat(profile.fullName()).isEqualTo("Анна Смирнова");
        assertThat(profile.email()).isEqualTo(new Email("Anna@mail.ru"));
        assertThat(profile.phoneNumber()).contains(new PhoneNumber("+79991234567"));
    }

    @Test
    void treatsABlankPhoneAsNotGiven() {
        assertThat(PersonProfile.parse("Ann Lee", "ann@example.com", "  ").phoneNumber()).isEmpty();
        assertThat(PersonProfile.parse("Ann Lee", "ann@example.com", null).phoneNumber()).isEmpty();
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> PersonProfile.parse("A", "not-an-email", "12345"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind)
                        .containsExactly(
                                tuple("fullName", Kind.TOO_SHORT),
                                tuple("email", Kind.MALFORMED),
                                tuple("phone", Kind.MALFORMED)));
    }
}
