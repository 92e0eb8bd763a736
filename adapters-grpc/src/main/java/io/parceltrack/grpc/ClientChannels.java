package io.parceltrack.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes the channels our gRPC clients use. A channel opened here retries idempotent reads
 * as {@link GrpcClientSettings} says; hand the same settings to the client built on it.
 */
public final class ClientChannels {
    private static final Logger log = LoggerFactory.getLogger(ClientChannels.class);
    private ClientChannels() {}

    /**
     * A channel to {@code target}, e.g. {@code account-service:9090} or
     * {@code dns:///account-service:9090}. It connects lazily, so opening never fails for a server
     * that is not up yet: the first call does. Calls are spread round-robin over every address the
     * target resolves to, so that behind a headless Kubernetes Service each client uses every pod
     * instead of sticking to the first. The channel is protected by {@code security} (over TLS the
     * server's certificate must name the target's host) and reads answers of at most
     * {@code maxInboundMessageBytes}. Each call carries the caller's trace, if it works within one.
     */
    public static ManagedChannel open(String target, GrpcClientSettings settings, TransportSecurity security,
            int maxInboundMessageBytes) {
        return open(target, settings, security, maxInboundMessageBytes, List.of());
    }

    /** As above, every call passing {@code interceptors} first (metrics, for one). */
    public static ManagedChannel open(String target, GrpcClientSettings settings, TransportSecurity security,
            int maxInboundMessageBytes, List<ClientInterceptor> interceptors) {
        if (security instanceof TransportSecurity.Plaintext) {
            log.warn("gRPC channel to {} is PLAINTEXT: calls travel unencrypted and the server is not verified", target);
        }
        return Grpc.newChannelBuilder(target, security.channelCredentials())
                .maxInboundMessageSize(maxInboundMessageBytes)
                .intercept(interceptors)
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
