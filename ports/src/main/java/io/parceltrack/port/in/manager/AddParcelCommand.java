package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.ParcelDetails;
import java.util.Objects;

public record AddParcelCommand(TelegramId manager, ParcelDetails details) {
    public AddParcelCommand {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(details, "details");
    }
}
