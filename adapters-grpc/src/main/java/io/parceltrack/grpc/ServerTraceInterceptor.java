package io.parceltrack.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost edge of every gRPC server: continues the caller's trace (its {@code traceparent}
 * metadata) under a span of this call, around every step of the call on whichever thread runs it,
 * and logs the call's outcome within it, so the call's log lines share the request's trace id. A
 * call without a valid {@code traceparent} runs outside any trace. The call's span, named by the
 * full method name, ends when the call closes, failed unless its status is OK.
 */
public final class ServerTraceInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of(TraceContext.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger log = LoggerFactory.getLogger(ServerTraceInterceptor.class);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        TraceSpan callSpan = TraceSpan.continueIfAny(method, SpanKind.SERVER, headers.get(TRACEPARENT));
        TraceContext span = callSpan.context().orElse(null);
        long startedNanos = System.nanoTime();
        ServerCall<Q, A> logged = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                try {
                    run(span, () -> {
                        log.info("grpc {} {} {}ms", method, status.getCode(), (System.nanoTime() - startedNanos) / 1_000_000);
                        super.close(status, trailers);
                    });
                } finally {
                    GrpcSpans.end(callSpan, call.getMethodDescriptor(), status);
                }
            }
        };
        ServerCall.Listener<Q> listener = within(span, () -> next.startCall(logged, headers));
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                run(span, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                run(span, () -> super.onHalfClose());
            }

            @Override
            public void onCancel() {
                run(span, () -> super.onCancel());
            }

            @Override
            public void onComplete() {
                run(span, () -> super.onComplete());
            }

            @Override
            public void onReady() {
                run(span, () -> super.onReady());
            }
        };
    }

    private static void run(TraceContext span, Runnable step) {
        within(span, () -> {
            step.run();
            return null;
        });
    }

    private static <T> T within(TraceContext span, Supplier<T> step) {
        if (span == null) {
            return step.get();
        }
        try (CurrentTrace.Scope ignored = CurrentTrace.enter(span)) {
            return step.get();
        }
    }
}
