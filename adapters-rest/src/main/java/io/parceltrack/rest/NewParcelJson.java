package io.parceltrack.rest;

/** The answer to {@code POST /parcels}. */
record NewParcelJson(String parcelTrackNumber) {}
