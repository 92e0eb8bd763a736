package io.parceltrack.domain.error;

/** What a "not found" or "already exists" is about, so that callers can tell them apart. */
public enum Subject {
    USER,
    MANAGER,
    PARCEL,
    SUBSCRIPTION,
    API_TOKEN,
    WEBHOOK_ENDPOINT
}
