package io.parceltrack.apps.metrics;

import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.parceltrack.grpc.GrpcCallObserver;
import java.time.Duration;
import java.util.Locale;

/**
 * gRPC calls by service, method and status code with their latency, on the server side
 * ({@code parceltrack_grpc_server_calls_seconds}) and the client side
 * ({@code parceltrack_grpc_client_calls_seconds}).
 */
public final class GrpcMetrics implements GrpcCallObserver {
    static final String SERVER_CALLS = "parceltrack.grpc.server.calls";
    static final String CLIENT_CALLS = "parceltrack.grpc.client.calls";

    private final MeterRegistry registry;

    public GrpcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(Side side, String service, String method, Status.Code code, Duration elapsed) {
        LatencyBuckets.timer(side == Side.SERVER ? SERVER_CALLS : CLIENT_CALLS)
                .description("gRPC calls " + side.name().toLowerCase(Locale.ROOT) + " side, by service, method and status code")
                .tags("service", service, "method", method, "code", code.name())
                .register(registry)
                .record(elapsed);
    }
}
