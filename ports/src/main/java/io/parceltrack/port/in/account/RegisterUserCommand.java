package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.PersonProfile;
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
}
