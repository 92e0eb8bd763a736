package io.parceltrack.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.util.function.Function;

/**
 * How a client makes one call to a remote service: with the deadline of its settings, and with a
 * failure turned back into the domain's language by {@link StatusTranslator}. A reply that the
 * domain refuses is the remote's fault, never the caller's, so it is not reported as invalid input.
 */
final class RemoteCalls {
    private final String serviceName;
    private final GrpcClientSettings settings;

    /** {@code serviceName} appears in errors, e.g. "account service". */
    RemoteCalls(String serviceName, GrpcClientSettings settings) {
        this.serviceName = serviceName;
        this.settings = settings;
    }

    <S extends AbstractStub<S>, P, T> T call(S stub, Function<S, P> rpc, Function<P, T> readReply) {
        P reply = call(stub, rpc);
        try {
            return readReply.apply(reply);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + serviceName + " sent a reply this client cannot read", e);
        }
    }

    <S extends AbstractStub<S>, P> P call(S stub, Function<S, P> rpc) {
        try {
            return rpc.apply(stub.withDeadlineAfter(settings.deadline()));
        } catch (StatusRuntimeException e) {
            throw StatusTranslator.toDomainError(e, serviceName);
        }
    }
}
