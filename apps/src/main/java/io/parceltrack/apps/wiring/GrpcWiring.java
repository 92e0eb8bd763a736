package io.parceltrack.apps.wiring;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.runtime.ListenAddress;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ClientChannels;
import io.parceltrack.grpc.ManagerWebhooksGrpcClient;
import io.parceltrack.grpc.GrpcClientSettings;
import io.parceltrack.grpc.GrpcServerHost;
import io.parceltrack.grpc.ParcelsManagerGrpcClient;
import io.parceltrack.grpc.ParcelsUserGrpcClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** gRPC servers and client channels as lifecycle components. */
public final class GrpcWiring {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private GrpcWiring() {}

    static GrpcClientSettings clientSettings(AppSettings.Grpc grpc) {
        GrpcClientSettings defaults = GrpcClientSettings.defaults();
        return new GrpcClientSettings(grpc.deadline(), grpc.readAttempts(), defaults.initialBackoff(), defaults.maxBackoff());
    }

    /** A channel to {@code address}, closed when the app stops. */
    static ManagedChannel channel(String service, String address, AppSettings.Grpc grpc, Lifecycle lifecycle) {
        ManagedChannel channel = ClientChannels.open(address, clientSettings(grpc));
        lifecycle.add(Component.of("gRPC channel to " + service, () -> {}, () -> ClientChannels.close(channel, GRACE)));
        return channel;
    }

    public static AccountGrpcClient accountClient(AppSettings.Grpc grpc, Lifecycle lifecycle) {
        return new AccountGrpcClient(channel("account", grpc.account().address(), grpc, lifecycle), clientSettings(grpc));
    }

    public static ParcelsManagerGrpcClient parcelsManagerClient(AppSettings.Grpc grpc, Lifecycle lifecycle) {
        return new ParcelsManagerGrpcClient(
                channel("parcels-manager", grpc.parcelsManager().address(), grpc, lifecycle), clientSettings(grpc));
    }

    /** Managers' webhooks from parcels-manager-service, on a channel of their own. */
    public static ManagerWebhooksGrpcClient managerWebhooksClient(AppSettings.Grpc grpc, Lifecycle lifecycle) {
        return new ManagerWebhooksGrpcClient(
                channel("parcels-manager (webhooks)", grpc.parcelsManager().address(), grpc, lifecycle),
                clientSettings(grpc));
    }

    public static ParcelsUserGrpcClient parcelsUserClient(AppSettings.Grpc grpc, Lifecycle lifecycle) {
        return new ParcelsUserGrpcClient(
                channel("parcels-user", grpc.parcelsUser().address(), grpc, lifecycle), clientSettings(grpc));
    }

    /** A server offering {@code services} (plus health and reflection) on {@code port}, every interface. */
    public static void server(String name, int port, List<BindableService> services, Lifecycle lifecycle) {
        serve(name, "0.0.0.0", port, services, lifecycle);
    }

    /** The same, reachable from this machine only: standalone's (only its HTTP port may face the network). */
    public static void loopbackServer(String name, int port, List<BindableService> services, Lifecycle lifecycle) {
        serve(name, InetAddress.getLoopbackAddress().getHostAddress(), port, services, lifecycle);
    }

    private static void serve(String name, String bind, int port, List<BindableService> services, Lifecycle lifecycle) {
        GrpcServerHost host = new GrpcServerHost(new InetSocketAddress(bind, port), services);
        lifecycle.add(Component.of(name + " gRPC server", host::start, () -> host.stop(GRACE)));
        lifecycle.announce(() -> name + " gRPC: " + ListenAddress.describe(bind, host.port()));
    }
}
