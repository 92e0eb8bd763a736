package io.parceltrack.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.TraceContext;
import java.util.Optional;

/**
 * Hands the caller's trace on with every call: a call made within a trace carries a
 * {@code traceparent} naming a new span of it, which the server continues.
 */
final class ClientTraceInterceptor implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        Optional<TraceContext> caller = CurrentTrace.get();
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> responseListener, Metadata headers) {
                caller.ifPresent(trace -> headers.put(ServerTraceInterceptor.TRACEPARENT, trace.child().traceparent()));
                super.start(responseListener, headers);
            }
        };
    }
}
