package io.parceltrack.telegram.manager;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.telegram.chat.RegistrationStep;
import io.parceltrack.telegram.chat.StateFormat;
import java.time.Instant;
import java.util.Map;

/** How the manager bot's states are stored, and how the steps stored before they were typed read today. */
final class ManagerStateFormat implements StateFormat<ManagerState> {

    @Override
    public Class<ManagerState> type() {
        return ManagerState.class;
    }

    @Override
    public ManagerState fresh() {
        return new ManagerState.Fresh();
    }

    /**
     * Steps of the first format and the values they kept: fullName, email, phone (registration);
     * name, recipient, address, forecast in epoch milliseconds (a parcel); trackNumber, parcelName,
     * parcelStatus, status, place, note (a checkpoint).
     */
    @Override
    public ManagerState fromVersion1(String step, Map<String, String> v) {
        ManagerState registration = new ManagerState.Registering(new RegistrationStep.FullName());
        ManagerState parcel = new ManagerState.ParcelName();
        ManagerState checkpoint = new ManagerState.CheckpointParcel();
        return switch (step) {
            case "NEW" -> new ManagerState.Unregistered();
            case "REG_FULL_NAME" -> registration;
            case "REG_EMAIL" -> StateFormat.storedOr(() -> new ManagerState.Registering(
                    new RegistrationStep.EmailAddress(v.get("fullName"))), registration);
            case "REG_PHONE" -> StateFormat.storedOr(() -> new ManagerState.Registering(
                    new RegistrationStep.Phone(v.get("fullName"), Email.parse(v.get("email")))), registration);
            case "REG_COMPANY" -> StateFormat.storedOr(() -> new ManagerState.Registering(
                    new RegistrationStep.Company(v.get("fullName"), Email.parse(v.get("email")),
                            v.containsKey("phone") ? PhoneNumber.parse(v.get("phone")) : null)), registration);
            case "IDLE" -> new ManagerState.Idle();
            case "PARCEL_NAME" -> parcel;
            case "PARCEL_RECIPIENT" -> StateFormat.storedOr(() -> new ManagerState.ParcelRecipient(v.get("name")), parcel);
            case "PARCEL_ADDRESS" -> StateFormat.storedOr(
                    () -> new ManagerState.ParcelAddress(v.get("name"), v.get("recipient")), parcel);
            case "PARCEL_FORECAST" -> StateFormat.storedOr(
                    () -> new ManagerState.ParcelForecast(v.get("name"), v.get("recipient"), v.get("address")), parcel);
            case "PARCEL_DESCRIPTION" -> StateFormat.storedOr(() -> new ManagerState.ParcelDescription(v.get("name"),
                    v.get("recipient"), v.get("address"), Instant.ofEpochMilli(Long.parseLong(v.get("forecast")))), parcel);
            case "CHECKPOINT_PARCEL" -> checkpoint;
            case "CHECKPOINT_STATUS" -> StateFormat.storedOr(() -> new ManagerState.CheckpointStatus(
                    TrackNumber.parse(v.get("trackNumber")), v.get("parcelName"),
                    ParcelStatus.valueOf(v.get("parcelStatus"))), checkpoint);
            case "CHECKPOINT_PLACE" -> StateFormat.storedOr(() -> new ManagerState.CheckpointPlace(
                    TrackNumber.parse(v.get("trackNumber")), v.get("parcelName"),
                    ParcelStatus.valueOf(v.get("status"))), checkpoint);
            case "CHECKPOINT_DESCRIPTION" -> StateFormat.storedOr(() -> new ManagerState.CheckpointNote(
                    TrackNumber.parse(v.get("trackNumber")), v.get("parcelName"),
                    ParcelStatus.valueOf(v.get("status")), v.get("place")), checkpoint);
            case "CHECKPOINT_TIME" -> StateFormat.storedOr(() -> new ManagerState.CheckpointTime(
                    TrackNumber.parse(v.get("trackNumber")), v.get("parcelName"),
                    ParcelStatus.valueOf(v.get("status")), v.get("place"), v.get("note")), checkpoint);
            default -> fresh();
        };
    }
}
