package io.parceltrack.port.in.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.TrackNumber;
import java.util.Objects;

public record AddCheckpointCommand(TelegramId manager, TrackNumber trackNumber, Checkpoint checkpoint) {
    public AddCheckpointCommand {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
