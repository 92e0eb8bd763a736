package io.parceltrack.telegram.user;

import io.parceltrack.domain.account.Email;
import io.parceltrack.telegram.chat.RegistrationStep;
import io.parceltrack.telegram.chat.StateFormat;
import java.util.Map;

/** How the user bot's states are stored, and how the steps stored before they were typed read today. */
final class UserStateFormat implements StateFormat<UserState> {

    @Override
    public Class<UserState> type() {
        return UserState.class;
    }

    @Override
    public UserState fresh() {
        return new UserState.Fresh();
    }

    /** Steps of the first format: FRESH, NEW, REG_FULL_NAME, REG_EMAIL, REG_PHONE, IDLE, AWAIT_TRACK_NUMBER. */
    @Override
    public UserState fromVersion1(String step, Map<String, String> values) {
        UserState firstQuestion = new UserState.Registering(new RegistrationStep.FullName(), null);
        return switch (step) {
            case "NEW" -> new UserState.Unregistered(null);
            case "REG_FULL_NAME" -> firstQuestion;
            case "REG_EMAIL" -> StateFormat.storedOr(() -> new UserState.Registering(
                    new RegistrationStep.EmailAddress(values.get("fullName")), null), firstQuestion);
            case "REG_PHONE" -> StateFormat.storedOr(() -> new UserState.Registering(
                    new RegistrationStep.Phone(values.get("fullName"), Email.parse(values.get("email"))), null),
                    firstQuestion);
            case "IDLE" -> new UserState.Idle();
            case "AWAIT_TRACK_NUMBER" -> new UserState.AwaitingTrackNumber();
            default -> fresh();
        };
    }
}
