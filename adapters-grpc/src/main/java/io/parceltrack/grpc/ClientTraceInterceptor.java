package io.parceltrack.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.TraceSpan;

/**
 * Hands the caller's trace on with every call: a call made within a trace opens a client span of
 * it, whose {@code traceparent} the call carries and the server continues; the span ends when the
 * call closes, failed unless its status is OK. A call made outside any trace carries none.
 */
final class ClientTraceInterceptor implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        TraceSpan span = TraceSpan.childOfCurrent(method.getFullMethodName(), SpanKind.CLIENT);
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> responseListener, Metadata headers) {
                String traceparent = span.traceparent();
                if (traceparent != null) {
                    headers.put(ServerTraceInterceptor.TRACEPARENT, traceparent);
                }
                super.start(new SimpleForwardingClientCallListener<>(responseListener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        GrpcSpans.end(span, method, status);
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
