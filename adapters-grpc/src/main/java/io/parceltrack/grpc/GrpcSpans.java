package io.parceltrack.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.parceltrack.port.trace.TraceSpan;

/** How a call's span ends, on the client and the server alike: what it called, and its status. */
final class GrpcSpans {
    private GrpcSpans() {}

    static void end(TraceSpan span, MethodDescriptor<?, ?> method, Status status) {
        span.attribute("rpc.system", "grpc")
                .attribute("rpc.service", String.valueOf(method.getServiceName()))
                .attribute("rpc.method", String.valueOf(method.getBareMethodName()))
                .attribute("rpc.grpc.status_code", status.getCode().value());
        if (!status.isOk()) {
            // The code only: a description may quote what the caller sent.
            span.fail(status.getCode().name());
        }
        span.end();
    }
}
