package io.parceltrack.port.out;

import io.parceltrack.domain.notification.Delivery;

/** Sends notifications to people (Telegram in production). */
public interface Messenger {
    /**
     * Sends one notification, waiting for the messenger's rate limits if needed. Returns whether it
     * reached the recipient; throws if it failed in a way that may pass, so it is retried later.
     */
    SendResult sendNotification(Delivery delivery);

    enum SendResult {
        SENT,
        /** The recipient blocked us or no longer exists; retrying would not help. */
        RECIPIENT_UNREACHABLE
    }
}
