package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.validation.Violations;
import java.util.Objects;

/** Register a recipient. Build it with {@link #parse} from raw input to get every field checked at once. */
public record RegisterUserCommand(TelegramId id, PersonProfile profile) {
    public RegisterUserCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
    }

    public static RegisterUserCommand parse(TelegramId id, String fullName, String email, String phone) {
        return new RegisterUserCommand(id, PersonProfile.parse(fullName, email, phone));
    }

    /** Like {@link #parse(TelegramId, String, String, String)}, reporting a bad id with the other fields. */
    public static RegisterUserCommand parse(long telegramId, String fullName, String email, String phone) {
        Violations violations = new Violations();
        TelegramId id = violations.capture(() -> new TelegramId(telegramId));
        PersonProfile profile = violations.capture(() -> PersonProfile.parse(fullName, email, phone));
        violations.throwIfAny();
        return new RegisterUserCommand(id, profile);
    }
}
