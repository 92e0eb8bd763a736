package io.parceltrack.domain.error;

/**
 * A rule of the domain said no. Every adapter translates these, once, at its edge: to an HTTP
 * problem, a gRPC status or a bot message. Anything that is not a {@code DomainException} is a
 * fault of ours and must never be blamed on the caller.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, AlreadyExistsException,
                AccessDeniedException, UnauthenticatedException, ConflictException {

    protected DomainException(String message) {
        super(message);
    }
}
