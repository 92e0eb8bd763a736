package io.parceltrack.domain.webhook;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;

/** The parcel's status once an event happened, as webhooks announce it. */
final class ParcelStatusAfter {
    private ParcelStatusAfter() {}

    /** A checkpoint sets the status to its own; a deleted parcel keeps the status it had. */
    static ParcelStatus of(ParcelEvent event) {
        return event.isCheckpoint() ? event.checkpoint().status() : event.statusBefore();
    }
}
