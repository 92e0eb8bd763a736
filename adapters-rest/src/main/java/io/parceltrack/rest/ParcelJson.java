package io.parceltrack.rest;

import io.parceltrack.domain.parcel.Parcel;

/** A parcel as {@code GET /parcels/{track-number}} and {@code GET /parcels} show it. */
record ParcelJson(
        String parcelTrackNumber,
        String parcelName,
        String parcelRecipient,
        String parcelArrivalAddress,
        String parcelForecastDate,
        String parcelDescription,
        String parcelStatus) {

    static ParcelJson of(Parcel parcel) {
        var details = parcel.details();
        return new ParcelJson(
                parcel.trackNumber().value(),
                details.name(),
                details.recipient(),
                details.arrivalAddress(),
                ApiValues.time(details.forecastDate()),
                ApiValues.optionalText(details.description()),
                parcel.status().name());
    }
}
