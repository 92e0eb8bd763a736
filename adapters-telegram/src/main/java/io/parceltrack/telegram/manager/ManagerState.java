package io.parceltrack.telegram.manager;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.telegram.chat.RegistrationStep;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a manager's dialogue with the manager bot stands: one record per question, holding the
 * answers given so far, each checked when given and again when a stored state is read. Stored with
 * the conversation under the type names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ManagerState.Fresh.class, name = "fresh"),
        @JsonSubTypes.Type(value = ManagerState.Unregistered.class, name = "unregistered"),
        @JsonSubTypes.Type(value = ManagerState.Registering.class, name = "registering"),
        @JsonSubTypes.Type(value = ManagerState.Idle.class, name = "idle"),
        @JsonSubTypes.Type(value = ManagerState.ParcelName.class, name = "parcel-name"),
        @JsonSubTypes.Type(value = ManagerState.ParcelRecipient.class, name = "parcel-recipient"),
        @JsonSubTypes.Type(value = ManagerState.ParcelAddress.class, name = "parcel-address"),
        @JsonSubTypes.Type(value = ManagerState.ParcelForecast.class, name = "parcel-forecast"),
        @JsonSubTypes.Type(value = ManagerState.ParcelDescription.class, name = "parcel-description"),
        @JsonSubTypes.Type(value = ManagerState.CheckpointParcel.class, name = "checkpoint-parcel"),
        @JsonSubTypes.Type(value = ManagerState.CheckpointStatus.class, name = "checkpoint-status"),
        @JsonSubTypes.Type(value = ManagerState.CheckpointPlace.class, name = "checkpoint-place"),
        @JsonSubTypes.Type(value = ManagerState.CheckpointNote.class, name = "checkpoint-note"),
        @JsonSubTypes.Type(value = ManagerState.CheckpointTime.class, name = "checkpoint-time")})
sealed interface ManagerState {

    /** Nothing known yet: the account service says whether the person is registered. */
    record Fresh() implements ManagerState {}

    /** Greeted, with a Register button. */
    record Unregistered() implements ManagerState {}

    record Registering(RegistrationStep step) implements ManagerState {
        public Registering {
            Objects.requireNonNull(step, "step");
        }
    }

    /** Registered, nothing asked: the menu. */
    record Idle() implements ManagerState {}

    /** Adding a parcel: name, recipient, address, forecast, description. */
    sealed interface AddingParcel extends ManagerState {}

    record ParcelName() implements AddingParcel {}

    record ParcelRecipient(String name) implements AddingParcel {
        public ParcelRecipient {
            name = ParcelDetails.NAME.require(name);
        }
    }

    record ParcelAddress(String name, String recipient) implements AddingParcel {
        public ParcelAddress {
            name = ParcelDetails.NAME.require(name);
            recipient = ParcelDetails.RECIPIENT.require(recipient);
        }
    }

    record ParcelForecast(String name, String recipient, String address) implements AddingParcel {
        public ParcelForecast {
            name = ParcelDetails.NAME.require(name);
            recipient = ParcelDetails.RECIPIENT.require(recipient);
            address = ParcelDetails.ARRIVAL_ADDRESS.require(address);
        }
    }

    record ParcelDescription(String name, String recipient, String address, Instant forecast) implements AddingParcel {
        public ParcelDescription {
            name = ParcelDetails.NAME.require(name);
            recipient = ParcelDetails.RECIPIENT.require(recipient);
            address = ParcelDetails.ARRIVAL_ADDRESS.require(address);
            Objects.requireNonNull(forecast, "forecast");
        }
    }

    /** Adding a checkpoint: which parcel, status, place, description, time. */
    sealed interface AddingCheckpoint extends ManagerState {}

    record CheckpointParcel() implements AddingCheckpoint {}

    /** {@code current} is the parcel's status when it was chosen, shown in the question. */
    record CheckpointStatus(TrackNumber parcel, String parcelName, ParcelStatus current) implements AddingCheckpoint {
        public CheckpointStatus {
            Objects.requireNonNull(parcel, "parcel");
            Objects.requireNonNull(parcelName, "parcelName");
            Objects.requireNonNull(current, "current");
        }
    }

    record CheckpointPlace(TrackNumber parcel, String parcelName, ParcelStatus status) implements AddingCheckpoint {
        public CheckpointPlace {
            Objects.requireNonNull(parcel, "parcel");
            Objects.requireNonNull(parcelName, "parcelName");
            status = checkpointStatus(status);
        }
    }

    record CheckpointNote(TrackNumber parcel, String parcelName, ParcelStatus status, String place)
            implements AddingCheckpoint {
        public CheckpointNote {
            Objects.requireNonNull(parcel, "parcel");
            Objects.requireNonNull(parcelName, "parcelName");
            status = checkpointStatus(status);
            place = Checkpoint.PLACE.require(place);
        }
    }

    record CheckpointTime(TrackNumber parcel, String parcelName, ParcelStatus status, String place, String note)
            implements AddingCheckpoint {
        public CheckpointTime {
            Objects.requireNonNull(parcel, "parcel");
            Objects.requireNonNull(parcelName, "parcelName");
            status = checkpointStatus(status);
            place = Checkpoint.PLACE.require(place);
            note = Checkpoint.DESCRIPTION.require(note);
        }

        Checkpoint at(Instant time) {
            return new Checkpoint(time, place, note, status);
        }
    }

    private static ParcelStatus checkpointStatus(ParcelStatus status) {
        if (status == null || status == ParcelStatus.UNKNOWN) {
            throw new IllegalArgumentException("a checkpoint needs a known status");
        }
        return status;
    }

    static boolean isRegistered(ManagerState state) {
        return !(state instanceof Fresh || state instanceof Unregistered || state instanceof Registering);
    }
}
