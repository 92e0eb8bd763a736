package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Reads errors as they travel, without our client's translation: what grpcurl or a client in
 * another language would see.
 */
final class WireErrors {
    private WireErrors() {}

    static StatusRuntimeException failureOf(ThrowingCallable rawCall) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, rawCall);
        assertThat(failure).as("the call should have failed").isNotNull();
        return failure;
    }

    /** The violations of an INVALID_ARGUMENT answer, each as {@code field:KIND}. */
    static List<String> invalidFields(ThrowingCallable rawCall) {
        StatusRuntimeException failure = failureOf(rawCall);
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return StatusProto.fromThrowable(failure).getDetailsList().stream()
                .filter(detail -> detail.is(BadRequest.class))
                .flatMap(detail -> unpack(detail).getFieldViolationsList().stream())
                .map(violation -> violation.getField() + ":" + violation.getReason())
                .toList();
    }

    private static BadRequest unpack(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
