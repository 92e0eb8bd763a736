package io.parceltrack.grpc;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.TrackNumber;

/** Who asks about which parcel: the pair most parcel requests carry, read and checked together. */
record ParcelAccess(TelegramId person, TrackNumber trackNumber) {

    /** @throws io.parceltrack.domain.error.InvalidInputException naming each bad field */
    static ParcelAccess read(long telegramId, String trackNumber) {
        RequestReader read = new RequestReader();
        TelegramId person = read.telegramId(telegramId);
        TrackNumber parcel = read.trackNumber(trackNumber);
        read.requireValid();
        return new ParcelAccess(person, parcel);
    }
}
