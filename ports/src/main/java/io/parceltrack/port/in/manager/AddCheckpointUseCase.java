package io.parceltrack.port.in.manager;

import io.parceltrack.domain.parcel.Parcel;

public interface AddCheckpointUseCase {
    /**
     * Records the checkpoint, updates the parcel's status and schedules the notification event, all
     * or nothing. Returns the parcel as it is afterwards.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (PARCEL) if absent
     * @throws io.parceltrack.domain.error.AccessDeniedException if another manager owns it
     * @throws io.parceltrack.domain.error.ConflictException if the parcel is delivered or canceled
     * @throws io.parceltrack.domain.error.InvalidInputException if the time is too far in the future
     */
    Parcel addCheckpoint(AddCheckpointCommand command);
}
