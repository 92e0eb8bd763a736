package io.parceltrack.domain.account;

import io.parceltrack.domain.validation.TextRule;
import io.parceltrack.domain.validation.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * The contact details every registered person gives: full name, e-mail and, optionally, a phone.
 * {@code phone} is {@code null} when not given.
 */
public record PersonProfile(String fullName, Email email, PhoneNumber phone) {
    public static final TextRule FULL_NAME = TextRule.singleLine("fullName", 3, 255);

    public PersonProfile {
        fullName = FULL_NAME.require(fullName);
        Objects.requireNonNull(email, "email");
    }

    /** Parses raw input, reporting every offending field at once. Blank phone means "none". */
    public static PersonProfile parse(String fullName, String email, String phone) {
        Violations violations = new Violations();
        String name = FULL_NAME.check(fullName, violations);
        Email address = violations.capture(() -> Email.parse(email));
        PhoneNumber number = phone == null || phone.isBlank() ? null : violations.capture(() -> PhoneNumber.parse(phone));
        violations.throwIfAny();
        return new PersonProfile(name, address, number);
    }

    public Optional<PhoneNumber> phoneNumber() {
        return Optional.ofNullable(phone);
    }
}
