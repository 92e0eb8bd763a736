package io.parceltrack.apps.wiring;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.metrics.GrpcMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.runtime.ListenAddress;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ClientChannels;
import io.parceltrack.grpc.GrpcClientSettings;
import io.parceltrack.grpc.GrpcServerHost;
import io.parceltrack.grpc.ObservedCalls;
import io.parceltrack.grpc.ParcelsManagerGrpcClient;
import io.parceltrack.grpc.ParcelsUserGrpcClient;
import io.parceltrack.grpc.RemoteHealth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** gRPC servers and client channels as lifecycle components. */
public final class GrpcWiring {
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Well within the HTTP server's readiness timeout, which bounds all checks together. */
    private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);

    private GrpcWiring() {}

    static GrpcClientSettings clientSettings(AppSettings.Grpc grpc) {
        GrpcClientSettings defaults = GrpcClientSettings.defaults();
        return new GrpcClientSettings(grpc.deadline(), grpc.readAttempts(), defaults.initialBackoff(), defaults.maxBackoff());
    }

    /**
     * A channel to {@code address}, its calls counted, closed when the app stops; the app is ready
     * only while the server there answers health checks.
     */
    static ManagedChannel channel(String service, String address, AppSettings.Grpc grpc, Assembly assembly) {
        ManagedChannel channel = ClientChannels.open(address, clientSettings(grpc),
                List.of(ObservedCalls.client(new GrpcMetrics(assembly.metrics().registry()))));
        assembly.lifecycle().add(Component.of("gRPC channel to " + service, () -> {}, () -> ClientChannels.close(channel, GRACE)));
        assembly.readyWhen(service + " gRPC service", () -> RemoteHealth.isServing(channel, HEALTH_DEADLINE));
        return channel;
    }

    public static AccountGrpcClient accountClient(AppSettings.Grpc grpc, Assembly assembly) {
        return new AccountGrpcClient(channel("account", grpc.account().address(), grpc, assembly), clientSettings(grpc));
    }

    public static ParcelsManagerGrpcClient parcelsManagerClient(AppSettings.Grpc grpc, Assembly assembly) {
        return new ParcelsManagerGrpcClient(
                channel("parcels-manager", grpc.parcelsManager().address(), grpc, assembly), clientSettings(grpc));
    }

    public static ParcelsUserGrpcClient parcelsUserClient(AppSettings.Grpc grpc, Assembly assembly) {
        return new ParcelsUserGrpcClient(
                channel("parcels-user", grpc.parcelsUser().address(), grpc, assembly), clientSettings(grpc));
    }

    /** A server offering {@code services} (plus health and reflection) on {@code port}, every interface. */
    public static void server(String name, int port, List<BindableService> services, Assembly assembly) {
        serve(name, "0.0.0.0", port, services, assembly);
    }

    /** The same, reachable from this machine only: standalone's (only its HTTP port may face the network). */
    public static void loopbackServer(String name, int port, List<BindableService> services, Assembly assembly) {
        serve(name, InetAddress.getLoopbackAddress().getHostAddress(), port, services, assembly);
    }

    private static void serve(String name, String bind, int port, List<BindableService> services, Assembly assembly) {
        GrpcServerHost host = new GrpcServerHost(new InetSocketAddress(bind, port), services,
                List.of(ObservedCalls.server(new GrpcMetrics(assembly.metrics().registry()))));
        Lifecycle lifecycle = assembly.lifecycle();
        lifecycle.add(Component.of(name + " gRPC server", host::start, () -> host.stop(GRACE)));
        lifecycle.announce(() -> name + " gRPC: " + ListenAddress.describe(bind, host.port()));
    }
}
