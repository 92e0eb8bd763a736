package io.parceltrack.port.out;

/** The broker did not accept what we published; try again later. */
public class PublishException extends UnavailableException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
