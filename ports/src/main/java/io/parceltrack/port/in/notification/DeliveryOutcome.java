package io.parceltrack.port.in.notification;

/** What became of one delivery. */
public enum DeliveryOutcome {
    /** The messenger accepted the notification. */
    SENT,
    /** Delivered before: dropped without sending again. */
    DUPLICATE,
    /** The recipient cannot be reached (e.g. blocked the bot); retrying would not help. */
    RECIPIENT_UNREACHABLE
}
