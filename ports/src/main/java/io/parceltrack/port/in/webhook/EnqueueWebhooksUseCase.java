package io.parceltrack.port.in.webhook;

import io.parceltrack.domain.notification.ParcelEvent;

public interface EnqueueWebhooksUseCase {
    /**
     * Durably schedules one delivery per webhook the event means to each endpoint of the parcel's
     * manager that wants it, and returns how many were new. Handling an event again schedules
     * nothing new. If storing fails the exception propagates and the event should be handled again.
     */
    int enqueue(ParcelEvent event);

    /**
     * An enqueuer for the events of one batch, handled one after another right away: it may read
     * what several of them need (their managers' endpoints, say) once for the whole batch.
     */
    default EnqueueWebhooksUseCase forBatch() {
        return this;
    }
}
