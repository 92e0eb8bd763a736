package io.parceltrack.apps.wiring;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.grpc.ClientChannels;
import io.parceltrack.grpc.GrpcClientSettings;
import io.parceltrack.grpc.GrpcServerHost;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** gRPC servers and client channels as lifecycle components. */
public final class GrpcWiring {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private GrpcWiring() {}

    public static GrpcClientSettings clientSettings(AppSettings.Grpc grpc) {
        GrpcClientSettings defaults = GrpcClientSettings.defaults();
        return new GrpcClientSettings(grpc.deadline(), grpc.readAttempts(), defaults.initialBackoff(), defaults.maxBackoff());
    }

    /** A channel to {@code address}, closed when the app stops. */
    public static ManagedChannel channel(String service, String address, AppSettings.Grpc grpc, Lifecycle lifecycle) {
        ManagedChannel channel = ClientChannels.open(address, clientSettings(grpc));
        lifecycle.add(Component.of("gRPC channel to " + service, () -> {}, () -> ClientChannels.close(channel, GRACE)));
        return channel;
    }

    /** A server offering {@code services} (plus health and reflection) on {@code port}. */
    public static void server(String name, int port, List<BindableService> services, Lifecycle lifecycle) {
        GrpcServerHost host = new GrpcServerHost(new InetSocketAddress(port), services);
        lifecycle.add(Component.of(name + " gRPC server", host::start, () -> host.stop(GRACE)));
        lifecycle.announce(() -> name + " gRPC: localhost:" + host.port());
    }
}
