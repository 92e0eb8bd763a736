package io.parceltrack.kafka;

/** A record that is not a message we can handle; it goes to the dead-letter topic with {@link #getMessage()}. */
public final class UnreadableMessageException extends Exception {
    UnreadableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
