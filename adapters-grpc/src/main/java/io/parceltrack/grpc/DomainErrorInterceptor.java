package io.parceltrack.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parceltrack.domain.error.DomainException;
import io.parceltrack.port.out.UnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge of every gRPC server: whatever a service method throws is answered with the status
 * {@link StatusTranslator} chooses, so the services themselves just call use cases and let domain
 * errors fly. Faults of ours are logged here with their stack trace; the caller gets INTERNAL and
 * nothing of the exception.
 */
public final class DomainErrorInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(DomainErrorInterceptor.class);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        CloseOnce<Q, A> guarded = new CloseOnce<>(call);
        // Unary handlers run the service method when the request is complete (onHalfClose).
        return new SimpleForwardingServerCallListener<>(next.startCall(guarded, headers)) {
            @Override
            public void onMessage(Q message) {
                answerFailures(guarded, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                answerFailures(guarded, super::onHalfClose);
            }
        };
    }

    private static void answerFailures(CloseOnce<?, ?> call, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            String method = call.getMethodDescriptor().getFullMethodName();
            log(method, e);
            StatusRuntimeException status = StatusTranslator.toStatus(e);
            if (!call.closeIfOpen(status.getStatus(), status.getTrailers())) {
                log.error("{} failed after it had answered", method, e);
            }
        }
    }

    private static void log(String method, Throwable e) {
        if (e instanceof DomainException) {
            log.debug("{} refused: {}", method, e.getMessage());
        } else if (e instanceof UnavailableException) {
            log.warn("{} could not be served: {}", method, e.getMessage(), e);
        } else {
            log.error("{} failed", method, e);
        }
    }

    /** Remembers whether the call was closed, so a failure after the answer cannot close it twice. */
    private static final class CloseOnce<Q, A> extends SimpleForwardingServerCall<Q, A> {
        private final AtomicBoolean closed = new AtomicBoolean();

        CloseOnce(ServerCall<Q, A> call) {
            super(call);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (closed.compareAndSet(false, true)) {
                super.close(status, trailers);
            }
        }

        boolean closeIfOpen(Status status, Metadata trailers) {
            if (closed.compareAndSet(false, true)) {
                super.close(status, trailers);
                return true;
            }
            return false;
        }
    }
}
