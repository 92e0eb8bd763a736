package io.parceltrack.apps.wiring;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.metrics.GrpcMetrics;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.runtime.ListenAddress;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ClientChannels;
import io.parceltrack.grpc.ManagerWebhooksGrpcClient;
import io.parceltrack.grpc.GrpcClientSettings;
import io.parceltrack.grpc.GrpcServerHost;
import io.parceltrack.grpc.GrpcServerOptions;
import io.parceltrack.grpc.ObservedCalls;
import io.parceltrack.grpc.ParcelsManagerGrpcClient;
import io.parceltrack.grpc.ParcelsUserGrpcClient;
import io.parceltrack.grpc.RemoteHealth;
import io.parceltrack.grpc.TransportSecurity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** gRPC servers and client channels as lifecycle components, over mutual TLS unless the settings say plaintext. */
public final class GrpcWiring {
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Well within the HTTP server's readiness timeout, which bounds all checks together. */
    private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);
    private static final String TLS = "parceltrack.grpc.tls.";

    private GrpcWiring() {}

    /**
     * For each app that serves or calls gRPC: with TLS on (the default), its certificate, key and the
     * cluster CA must be named. Whether the files can be read is found at start, when the server or
     * channel loads them (Kubernetes mounts them only in the pod).
     */
    public static void checkTransportSecurity(AppSettings settings, SettingsReader reader) {
        AppSettings.GrpcTls tls = settings.grpc().tls();
        if (!tls.enabled()) {
            return;
        }
        requireFile(reader, TLS + "certificate", tls.certificate());
        requireFile(reader, TLS + "private-key", tls.privateKey());
        requireFile(reader, TLS + "trusted-ca", tls.trustedCa());
    }

    private static void requireFile(SettingsReader reader, String path, String file) {
        if (file.isBlank()) {
            reader.problem(path, "is required while parceltrack.grpc.tls.enabled is true (PEM file; `./parceltrack certs DIR`"
                    + " makes them for local runs), or set PARCELTRACK_GRPC_TLS_ENABLED=false for plaintext on a trusted machine");
        }
    }

    static TransportSecurity security(AppSettings.Grpc grpc) {
        AppSettings.GrpcTls tls = grpc.tls();
        return tls.enabled()
                ? TransportSecurity.mutualTls(Path.of(tls.certificate()), Path.of(tls.privateKey()), Path.of(tls.trustedCa()))
                : TransportSecurity.plaintext();
    }

    static GrpcClientSettings clientSettings(AppSettings.Grpc grpc) {
        GrpcClientSettings defaults = GrpcClientSettings.defaults();
        return new GrpcClientSettings(grpc.deadline(), grpc.readAttempts(), defaults.initialBackoff(), defaults.maxBackoff());
    }

    /**
     * A channel to {@code address}, its calls counted, closed when the app stops; the app is ready
     * only while the server there answers health checks.
     */
    static ManagedChannel channel(String service, String address, AppSettings.Grpc grpc, Assembly assembly) {
        ManagedChannel channel = ClientChannels.open(address, clientSettings(grpc), security(grpc), grpc.maxMessageBytes(),
                List.of(ObservedCalls.client(new GrpcMetrics(assembly.metrics().registry()))));
        assembly.lifecycle().add(Component.of("gRPC channel to " + service, () -> {}, () -> ClientChannels.close(channel, GRACE)));
        assembly.readyWhen(service + " gRPC service", () -> RemoteHealth.isServing(channel, HEALTH_DEADLINE));
        return channel;
    }

    public static AccountGrpcClient accountClient(AppSettings.Grpc grpc, Assembly assembly) {
        return new AccountGrpcClient(channel("account", grpc.account().address(), grpc, assembly), clientSettings(grpc));
    }

    /** The manager bot's clients of parcels-manager-service: its parcels and its webhooks, over one channel. */
    public record ParcelsManagerClients(ParcelsManagerGrpcClient parcels, ManagerWebhooksGrpcClient webhooks) {}

    public static ParcelsManagerClients parcelsManagerClients(AppSettings.Grpc grpc, Assembly assembly) {
        ManagedChannel channel = channel("parcels-manager", grpc.parcelsManager().address(), grpc, assembly);
        return new ParcelsManagerClients(new ParcelsManagerGrpcClient(channel, clientSettings(grpc)),
                new ManagerWebhooksGrpcClient(channel, clientSettings(grpc)));
    }

    public static ParcelsUserGrpcClient parcelsUserClient(AppSettings.Grpc grpc, Assembly assembly) {
        return new ParcelsUserGrpcClient(
                channel("parcels-user", grpc.parcelsUser().address(), grpc, assembly), clientSettings(grpc));
    }

    /** A server offering {@code services} (plus health, and reflection if enabled) on {@code port}, every interface. */
    public static void server(String name, int port, List<BindableService> services, Assembly assembly) {
        AppSettings.Grpc grpc = assembly.settings().grpc();
        String bind = "0.0.0.0";
        GrpcServerHost host = new GrpcServerHost(new InetSocketAddress(bind, port), services,
                new GrpcServerOptions(security(grpc), grpc.reflection(), grpc.maxMessageBytes()),
                List.of(ObservedCalls.server(new GrpcMetrics(assembly.metrics().registry()))));
        Lifecycle lifecycle = assembly.lifecycle();
        lifecycle.add(Component.of(name + " gRPC server", host::start, () -> host.stop(GRACE)));
        lifecycle.announce(() -> name + " gRPC: " + ListenAddress.describe(bind, host.port())
                + (grpc.tls().enabled() ? " (mutual TLS)" : " (PLAINTEXT)"));
    }
}
