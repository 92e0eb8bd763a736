package io.parceltrack.telegram.user;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.telegram.chat.RegistrationStep;
import java.util.Objects;

/**
 * Where a recipient's dialogue with the user bot stands. {@code parcel} in the unregistered states
 * is the parcel they opened before registering ({@code null} if none): once registered, they get
 * its card with the Subscribe button. Stored with the conversation under the type names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UserState.Fresh.class, name = "fresh"),
        @JsonSubTypes.Type(value = UserState.Unregistered.class, name = "unregistered"),
        @JsonSubTypes.Type(value = UserState.Registering.class, name = "registering"),
        @JsonSubTypes.Type(value = UserState.Idle.class, name = "idle"),
        @JsonSubTypes.Type(value = UserState.AwaitingTrackNumber.class, name = "awaiting-track-number")})
sealed interface UserState {

    /** Nothing known yet: the account service says whether the person is registered. */
    record Fresh() implements UserState {}

    record Unregistered(TrackNumber parcel) implements UserState {}

    record Registering(RegistrationStep step, TrackNumber parcel) implements UserState {
        public Registering {
            Objects.requireNonNull(step, "step");
        }
    }

    /** Registered, nothing asked: the menu, or a track number at any time. */
    record Idle() implements UserState {}

    /** Registered, asked for a track number ("Find a parcel"). */
    record AwaitingTrackNumber() implements UserState {}

    static boolean isRegistered(UserState state) {
        return state instanceof Idle || state instanceof AwaitingTrackNumber;
    }
}
