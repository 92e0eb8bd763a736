package io.parceltrack.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.DomainException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.port.out.UnavailableException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one translation between our errors and gRPC statuses, in both directions: a server turns what
 * a use case threw into a status, a client turns that status back into the same domain error (same
 * type, message, {@link Subject} and violations). Keeping both directions in one class keeps the
 * table in docs/GRPC.md true on both sides of the wire.
 *
 * <p>Besides the code and the description, a status carries {@code google.rpc} details: an {@link
 * ErrorInfo} naming the error (and, for "not found" and "already exists", its subject in the
 * metadata) and, for invalid input, a {@link BadRequest} with every field violation, its reason being
 * the violation's kind.
 */
public final class StatusTranslator {
    /** The {@code ErrorInfo.domain} of every error we raise. */
    public static final String ERROR_DOMAIN = "parceltrack.io";
    /** The {@code ErrorInfo.metadata} key naming what was not found or already exists. */
    public static final String SUBJECT_KEY = "subject";
    /** All a caller learns about a fault of ours: the details stay in the server's log. */
    static final String INTERNAL_DESCRIPTION = "internal error; the service has logged the details";

    private StatusTranslator() {}

    // --- server side

    /** The status to answer when a call failed with {@code error}; anything unexpected is INTERNAL. */
    public static StatusRuntimeException toStatus(Throwable error) {
        if (error instanceof InvalidInputException invalid) {
            return status(Status.Code.INVALID_ARGUMENT, invalid, errorInfo("INVALID_INPUT", null), badRequest(invalid));
        }
        if (error instanceof NotFoundException notFound) {
            return status(Status.Code.NOT_FOUND, notFound, errorInfo("NOT_FOUND", notFound.subject()));
        }
        if (error instanceof AlreadyExistsException exists) {
            return status(Status.Code.ALREADY_EXISTS, exists, errorInfo("ALREADY_EXISTS", exists.subject()));
        }
        if (error instanceof AccessDeniedException denied) {
            return status(Status.Code.PERMISSION_DENIED, denied, errorInfo("ACCESS_DENIED", null));
        }
        if (error instanceof UnauthenticatedException unauthenticated) {
            return status(Status.Code.UNAUTHENTICATED, unauthenticated, errorInfo("UNAUTHENTICATED", null));
        }
        if (error instanceof ConflictException conflict) {
            return status(Status.Code.FAILED_PRECONDITION, conflict, errorInfo("CONFLICT", null));
        }
        if (error instanceof UnavailableException unavailable) {
            // Its message is written to be shown; the cause (with hosts and ports) stays in the log.
            return status(Status.Code.UNAVAILABLE, unavailable.getMessage(), errorInfo("UNAVAILABLE", null));
        }
        return status(Status.Code.INTERNAL, INTERNAL_DESCRIPTION, errorInfo("INTERNAL", null));
    }

    private static StatusRuntimeException status(Status.Code code, DomainException error, Message... details) {
        return status(code, error.getMessage(), details);
    }

    private static StatusRuntimeException status(Status.Code code, String description, Message... details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(Objects.requireNonNullElse(description, ""));
        for (Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static ErrorInfo errorInfo(String reason, Subject subject) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(reason).setDomain(ERROR_DOMAIN);
        if (subject != null) {
            info.putMetadata(SUBJECT_KEY, subject.name());
        }
        return info.build();
    }

    private static BadRequest badRequest(InvalidInputException invalid) {
        BadRequest.Builder request = BadRequest.newBuilder();
        for (FieldViolation violation : invalid.violations()) {
            request.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(violation.field())
                    .setReason(violation.kind().name())
                    .setDescription(violation.message()));
        }
        return request.build();
    }

    // --- client side

    /**
     * What a failed call to {@code remoteService} (a name for messages, e.g. "account service") means
     * to the caller: the domain error the server translated, {@link UnavailableException} when the
     * service cannot be reached, broke the call off or did not answer in time, and {@link
     * IllegalStateException} for anything else, which is a fault of ours, not of the caller.
     */
    public static RuntimeException toDomainError(StatusRuntimeException failure, String remoteService) {
        Status status = failure.getStatus();
        String description = Objects.requireNonNullElse(status.getDescription(), "");
        com.google.rpc.Status details = detailsOf(failure);
        Optional<RuntimeException> domainError = switch (status.getCode()) {
            case INVALID_ARGUMENT -> violations(details).map(InvalidInputException::new);
            case NOT_FOUND -> subject(details).map(subject -> new NotFoundException(subject, description));
            case ALREADY_EXISTS -> subject(details).map(subject -> new AlreadyExistsException(subject, description));
            case PERMISSION_DENIED -> Optional.of(new AccessDeniedException(description));
            case UNAUTHENTICATED -> Optional.of(new UnauthenticatedException(description));
            case FAILED_PRECONDITION -> Optional.of(new ConflictException(description));
            // CANCELLED reaches a client when the server broke the call off, e.g. while shutting down.
            case UNAVAILABLE, CANCELLED -> Optional.of(new UnavailableException(
                    "the " + remoteService + " is unavailable; try again later", failure));
            case DEADLINE_EXCEEDED -> Optional.of(new UnavailableException(
                    "the " + remoteService + " did not answer in time; try again later", failure));
            default -> Optional.empty();
        };
        return domainError.orElseGet(() -> new IllegalStateException(
                "the " + remoteService + " failed with " + status.getCode()
                        + "; the service's log has the details", failure));
    }

    /** {@code null} when absent, unreadable, or not matching the status (e.g. rewritten by a proxy). */
    private static com.google.rpc.Status detailsOf(StatusRuntimeException failure) {
        try {
            return StatusProto.fromThrowable(failure);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Optional<List<FieldViolation>> violations(com.google.rpc.Status details) {
        List<FieldViolation> violations = unpack(details, BadRequest.class)
                .map(request -> request.getFieldViolationsList().stream()
                        .map(v -> new FieldViolation(v.getField(), kind(v.getReason()), v.getDescription()))
                        .toList())
                .orElse(List.of());
        return violations.isEmpty() ? Optional.empty() : Optional.of(violations);
    }

    /** A kind this client does not know (a newer server) still means "malformed". */
    private static FieldViolation.Kind kind(String reason) {
        return named(FieldViolation.Kind.class, reason).orElse(FieldViolation.Kind.MALFORMED);
    }

    private static Optional<Subject> subject(com.google.rpc.Status details) {
        return unpack(details, ErrorInfo.class)
                .filter(info -> ERROR_DOMAIN.equals(info.getDomain()))
                .flatMap(info -> named(Subject.class, info.getMetadataOrDefault(SUBJECT_KEY, "")));
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst();
    }

    private static <T extends Message> Optional<T> unpack(com.google.rpc.Status details, Class<T> type) {
        if (details == null) {
            return Optional.empty();
        }
        for (Any detail : details.getDetailsList()) {
            if (detail.is(type)) {
                try {
                    return Optional.of(detail.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
