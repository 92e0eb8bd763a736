package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import java.util.Objects;

/**
 * The question registration is at, with the answers given so far (each checked when it was given,
 * and again when a stored state is read). Stored with the conversation under the type names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "question")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RegistrationStep.FullName.class, name = "full-name"),
        @JsonSubTypes.Type(value = RegistrationStep.EmailAddress.class, name = "email"),
        @JsonSubTypes.Type(value = RegistrationStep.Phone.class, name = "phone"),
        @JsonSubTypes.Type(value = RegistrationStep.Company.class, name = "company")})
public sealed interface RegistrationStep {

    record FullName() implements RegistrationStep {}

    record EmailAddress(String fullName) implements RegistrationStep {
        public EmailAddress {
            fullName = PersonProfile.FULL_NAME.require(fullName);
        }
    }

    record Phone(String fullName, Email email) implements RegistrationStep {
        public Phone {
            fullName = PersonProfile.FULL_NAME.require(fullName);
            Objects.requireNonNull(email, "email");
        }
    }

    /** Managers only; {@code phone} is {@code null} when it was skipped. */
    record Company(String fullName, Email email, PhoneNumber phone) implements RegistrationStep {
        public Company {
            fullName = PersonProfile.FULL_NAME.require(fullName);
            Objects.requireNonNull(email, "email");
        }
    }
}
