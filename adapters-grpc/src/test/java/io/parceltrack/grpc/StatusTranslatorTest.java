package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
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
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.out.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StatusTranslatorTest {
    private static final String SERVICE = "parcels-user service";

    static Stream<Arguments> domainErrors() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(new InvalidInputException(List.of(
                new FieldViolation("name", Kind.TOO_SHORT, "must be 3 to 100 characters, got 2"),
                new FieldViolation("email", Kind.MALFORMED, "должен быть адресом 📧"),
                new FieldViolation("forecastDate", Kind.REQUIRED, "is required"),
                new FieldViolation("description", Kind.TOO_LONG, "must be at most 255 characters"),
                new FieldViolation("page", Kind.OUT_OF_RANGE, "must be between 1 and 100000"))),
                Status.Code.INVALID_ARGUMENT));
        for (Subject subject : Subject.values()) {
            cases.add(Arguments.of(new NotFoundException(subject, "no " + subject + " here"), Status.Code.NOT_FOUND));
            cases.add(Arguments.of(new AlreadyExistsException(subject, subject + " exists"), Status.Code.ALREADY_EXISTS));
        }
        cases.add(Arguments.of(new AccessDeniedException("parcel VF834349180 belongs to another manager"),
                Status.Code.PERMISSION_DENIED));
        cases.add(Arguments.of(new UnauthenticatedException("unknown API token"), Status.Code.UNAUTHENTICATED));
        cases.add(Arguments.of(new ConflictException("parcel VF834349180 is already DELIVERED"),
                Status.Code.FAILED_PRECONDITION));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("domainErrors")
    void aDomainErrorCrossesTheWireUnchanged(DomainException error, Status.Code code) {
        StatusRuntimeException status = overTheWire(StatusTranslator.toStatus(error));

        RuntimeException restored = StatusTranslator.toDomainError(status, SERVICE);

        assertThat(status.getStatus().getCode()).isEqualTo(code);
        assertThat(status.getStatus().getDescription()).isEqualTo(error.getMessage());
        assertThat(restored).isExactlyInstanceOf(error.getClass()).hasMessage(error.getMessage());
        assertThat(whatItSays(restored)).isEqualTo(whatItSays(error));
    }

    /** Everything a domain error tells its catcher besides its type and message. */
    private static Object whatItSays(Throwable error) {
        if (error instanceof InvalidInputException invalid) {
            return invalid.violations();
        }
        if (error instanceof NotFoundException notFound) {
            return notFound.subject();
        }
        if (error instanceof AlreadyExistsException exists) {
            return exists.subject();
        }
        return "nothing more";
    }

    @Test
    void invalidInputCarriesEveryViolationAsBadRequestDetails() {
        InvalidInputException error = new InvalidInputException(List.of(
                new FieldViolation("telegramId", Kind.MALFORMED, "must be a positive number"),
                new FieldViolation("trackNumber", Kind.REQUIRED, "is required")));

        com.google.rpc.Status details = StatusProto.fromThrowable(overTheWire(StatusTranslator.toStatus(error)));

        BadRequest badRequest = unpack(details, BadRequest.class);
        assertThat(badRequest.getFieldViolationsList())
                .extracting(v -> v.getField() + ":" + v.getReason() + ":" + v.getDescription())
                .containsExactly("telegramId:MALFORMED:must be a positive number", "trackNumber:REQUIRED:is required");
        assertThat(unpack(details, ErrorInfo.class).getReason()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void notFoundNamesItsSubjectInErrorInfo() {
        com.google.rpc.Status details = StatusProto.fromThrowable(
                overTheWire(StatusTranslator.toStatus(new NotFoundException(Subject.API_TOKEN, "no token"))));

        ErrorInfo info = unpack(details, ErrorInfo.class);
        assertThat(info.getDomain()).isEqualTo(StatusTranslator.ERROR_DOMAIN);
        assertThat(info.getReason()).isEqualTo("NOT_FOUND");
        assertThat(info.getMetadataMap()).containsEntry(StatusTranslator.SUBJECT_KEY, "API_TOKEN");
    }

    @Test
    void anUnexpectedFailureBecomesInternalAndRevealsNothing() {
        RuntimeException bug = new IllegalStateException("jdbc:postgresql://db:5432 password=hunter2",
                new RuntimeException("pt_secretToken1234567890"));

        StatusRuntimeException status = overTheWire(StatusTranslator.toStatus(bug));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getStatus().getDescription()).isEqualTo(StatusTranslator.INTERNAL_DESCRIPTION);
        assertThat(status.getStatus().getCause()).isNull();
        assertThat(status.getTrailers().toString()).doesNotContain("hunter2").doesNotContain("secretToken");
    }

    @Test
    void unavailableOnTheServerIsUnavailableOnTheClient() {
        UnavailableException down = new UnavailableException("the parcels database is unavailable",
                new RuntimeException("connection refused: db-7.internal:5432"));

        StatusRuntimeException status = overTheWire(StatusTranslator.toStatus(down));
        RuntimeException restored = StatusTranslator.toDomainError(status, SERVICE);

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getStatus().getDescription()).isEqualTo("the parcels database is unavailable");
        assertThat(status.getTrailers().toString()).doesNotContain("db-7");
        assertThat(restored).isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service is unavailable; try again later")
                .hasCause(status);
    }

    @Test
    void anExpiredDeadlineMeansTheServiceIsUnavailable() {
        StatusRuntimeException expired = Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 4.9s").asRuntimeException();

        assertThat(StatusTranslator.toDomainError(expired, SERVICE))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service did not answer in time; try again later");
    }

    @Test
    void aCallTheServerBrokeOffMeansTheServiceIsUnavailable() {
        StatusRuntimeException cancelled = Status.CANCELLED.withDescription("RST_STREAM closed stream").asRuntimeException();

        assertThat(StatusTranslator.toDomainError(cancelled, SERVICE)).isInstanceOf(UnavailableException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INTERNAL", "UNKNOWN", "UNIMPLEMENTED", "RESOURCE_EXHAUSTED", "DATA_LOSS", "ABORTED", "OUT_OF_RANGE"})
    void otherCodesAreOurFaultWithASafeMessage(Status.Code code) {
        StatusRuntimeException failure = Status.fromCode(code).withDescription("stack trace: at Foo.bar(Foo.java:1)").asRuntimeException();

        RuntimeException restored = StatusTranslator.toDomainError(failure, SERVICE);

        assertThat(restored).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("the parcels-user service failed with " + code + "; the service's log has the details")
                .hasCause(failure);
    }

    @Test
    void aNotFoundWithoutSubjectIsNotPassedOffAsADomainError() {
        StatusRuntimeException bare = Status.NOT_FOUND.withDescription("no route").asRuntimeException();

        assertThat(StatusTranslator.toDomainError(bare, SERVICE)).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInvalidArgumentWithoutViolationsIsNotPassedOffAsInvalidInput() {
        StatusRuntimeException bare = Status.INVALID_ARGUMENT.withDescription("bad").asRuntimeException();

        assertThat(StatusTranslator.toDomainError(bare, SERVICE)).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void detailsThatContradictTheStatusAreIgnoredRatherThanThrown() {
        Metadata trailers = StatusTranslator.toStatus(new NotFoundException(Subject.PARCEL, "gone")).getTrailers();
        StatusRuntimeException rewritten = Status.PERMISSION_DENIED.withDescription("rewritten by a proxy").asRuntimeException(trailers);

        assertThat(StatusTranslator.toDomainError(rewritten, SERVICE))
                .isExactlyInstanceOf(io.parceltrack.domain.error.AccessDeniedException.class)
                .hasMessage("rewritten by a proxy");
    }

    @Test
    void aViolationKindThisClientDoesNotKnowReadsAsMalformed() {
        com.google.rpc.Status fromNewerServer = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INVALID_ARGUMENT.value())
                .setMessage("name: must rhyme")
                .addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                .setField("name").setReason("DOES_NOT_RHYME").setDescription("must rhyme"))
                        .build()))
                .build();

        RuntimeException restored = StatusTranslator.toDomainError(StatusProto.toStatusRuntimeException(fromNewerServer), SERVICE);

        assertThat(((InvalidInputException) restored).violations())
                .containsExactly(new FieldViolation("name", Kind.MALFORMED, "must rhyme"));
    }

    /** What the client receives: status and trailers only, as they travel. */
    private static StatusRuntimeException overTheWire(StatusRuntimeException sent) {
        Metadata trailers = new Metadata();
        trailers.merge(sent.getTrailers());
        return Status.fromCode(sent.getStatus().getCode())
                .withDescription(sent.getStatus().getDescription())
                .asRuntimeException(trailers);
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.rpc.Status details, Class<T> type) {
        return details.getDetailsList().stream()
                .filter(any -> any.is(type))
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + details));
    }
}
