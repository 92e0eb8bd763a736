package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.validation.Violations;
import java.util.Objects;

/** Register a manager; {@code company} is {@code null} when not given. */
public record RegisterManagerCommand(TelegramId id, PersonProfile profile, String company) {
    public RegisterManagerCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        if (company != null) {
            company = Manager.COMPANY.require(company);
        }
    }

    /** Checks all fields of raw input together; blank phone or company means "not given". */
    public static RegisterManagerCommand parse(
            TelegramId id, String fullName, String email, String phone, String company) {
        return parse(id.value(), fullName, email, phone, company);
    }

    /** Like {@link #parse(TelegramId, String, String, String, String)}, reporting a bad id with the other fields. */
    public static RegisterManagerCommand parse(
            long telegramId, String fullName, String email, String phone, String company) {
        Violations violations = new Violations();
        TelegramId id = violations.capture(() -> new TelegramId(telegramId));
        PersonProfile profile = violations.capture(() -> PersonProfile.parse(fullName, email, phone));
        String companyName = Manager.COMPANY.checkOptional(company, violations);
        violations.throwIfAny();
        return new RegisterManagerCommand(id, profile, companyName);
    }
}
