package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.notification.ParcelEvent;

public interface EnqueueWebhooksUseCase {
    /**
     * Durably schedules one delivery per webhook the event means to each endpoint of the parcel's
     * manager that wants it, and returns how many were new. Handling an event again schedules
     * nothing new. If storing fails the exception propagates and the event should be handled again.
     */
    int enqueue(ParcelEvent event);
}
