package io.parceltrack.webhooks;

/** The receiver's address is one the destination rules do not allow; the message says why. */
final class DestinationRefusedException extends Exception {
    DestinationRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
