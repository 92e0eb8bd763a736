package io.parceltrack.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna@example.com", "first.last+tag@sub.example.co.uk", "o'hara@example.ie",
            "user@пример.рф", "x@xn--e1afmkfd.xn--p1ai", "a_b-c@d-e.museum"})
    void acceptsRealAddresses(String address) {
        assertThat(Email.parse(address).value()).isEqualTo(address);
    }

    @Test
    void trimsAndLowerCasesTheDomainOnly() {
        assertThat(Email.parse("  Anna.Smith@Example.COM ").value()).isEqualTo("Anna.Smith@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna", "anna@", "@example.com", "anna@example", "anna@@example.com", "an na@example.com",
            "anna@example..com", ".anna@example.com", "anna.@example.com", "anna@-example.com", "anna@example.c",
            "anna@exa_mple.com", "<script>@example.com"})
    void rejectsMalformedAddresses(String address) {
        assertThatThrownBy(() -> Email.parse(address))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.MALFORMED));
    }

    @Test
    void rejectsAddressesLongerThan320Characters() {
        String tooLong = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(5) + "com";

        assertThatThrownBy(() -> Email.parse(tooLong))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.TOO_LONG));
    }

    @Test
    void reportsAMissingAddressAsRequired() {
        assertThatThrownBy(() -> Email.parse(" "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).kind()).isEqualTo(Kind.REQUIRED));
    }
}
