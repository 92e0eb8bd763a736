package io.parceltrack.domain.error;

/** The request is well-formed but the current state of the thing forbids it. */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
