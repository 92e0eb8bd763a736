package io.parceltrack.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens and closes the channels our gRPC clients use. A channel opened here retries idempotent reads
 * as {@link GrpcClientSettings} says; hand the same settings to the client built on it.
 */
public final class ClientChannels {
    private ClientChannels() {}

    /**
     * A plaintext channel to {@code target}, e.g. {@code account-service:9090} or
     * {@code dns:///account-service:9090}. It connects lazily, so opening never fails for a server
     * that is not up yet: the first call does. Calls are spread round-robin over every address the
     * target resolves to, so that behind a headless Kubernetes Service each client uses every pod
     * instead of sticking to the first. Each call carries the caller's trace, if it works within one.
     */
    public static ManagedChannel open(String target, GrpcClientSettings settings) {
        return Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                .defaultLoadBalancingPolicy("round_robin")
                .defaultServiceConfig(ReadRetryPolicy.serviceConfig(settings))
                .enableRetry()
                .maxRetryAttempts(GrpcClientSettings.MAX_READ_ATTEMPTS)
                .intercept(new ClientTraceInterceptor())
                .build();
    }

    /** Lets calls in flight finish for up to {@code grace}, then cancels the rest. */
    public static void close(ManagedChannel channel, Duration grace) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
