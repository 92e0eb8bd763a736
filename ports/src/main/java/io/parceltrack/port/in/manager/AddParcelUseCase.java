package io.parceltrack.port.in.manager;

import io.parceltrack.domain.parcel.Parcel;

public interface AddParcelUseCase {
    /** Creates a pending parcel under a fresh, unique track number. */
    Parcel addParcel(AddParcelCommand command);
}
