package io.parceltrack.domain.error;

/** The caller is known but the thing belongs to someone else. */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
