package io.parceltrack.grpc;

import io.grpc.Status;
import java.time.Duration;

/**
 * Told of every gRPC call that ended, on the server or the client side, with its service, method
 * and status code: how metrics see gRPC without this adapter knowing a metrics library. Attach it
 * with {@link ObservedCalls}.
 */
@FunctionalInterface
public interface GrpcCallObserver {
    enum Side { SERVER, CLIENT }

    void completed(Side side, String service, String method, Status.Code code, Duration elapsed);
}
