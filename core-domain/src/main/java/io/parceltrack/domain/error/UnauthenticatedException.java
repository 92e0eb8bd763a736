package io.parceltrack.domain.error;

/** The caller could not be identified: no credentials, or credentials nobody holds. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
