package io.parceltrack.apps.metrics;

import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

    /** Sides times methods times the status codes they answer: a few hundred at most. */
    private static final int MAX_CACHED_SERIES = 1024;

    private final MeterCache<Series, Timer> calls;

    private record Series(Side side, String service, String method, Status.Code code) {}

    public GrpcMetrics(MeterRegistry registry) {
        this.calls = new MeterCache<>(MAX_CACHED_SERIES, series ->
                LatencyBuckets.timer(series.side() == Side.SERVER ? SERVER_CALLS : CLIENT_CALLS)
                        .description("gRPC calls " + series.side().name().toLowerCase(Locale.ROOT)
                                + " side, by service, method and status code")
                        .tags("service", series.service(), "method", series.method(), "code", series.code().name())
                        .register(registry));
    }

    @Override
    public void completed(Side side, String service, String method, Status.Code code, Duration elapsed) {
        calls.get(new Series(side, service, method, code)).record(elapsed);
    }
}
