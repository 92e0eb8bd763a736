package io.parceltrack.domain.error;

import java.util.Objects;

public final class NotFoundException extends DomainException {
    private final Subject subject;

    public NotFoundException(Subject subject, String message) {
        super(message);
        this.subject = Objects.requireNonNull(subject);
    }

    public Subject subject() {
        return subject;
    }
}
