package io.parceltrack.grpc;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A real gRPC server on a random localhost port and a channel to it, opened the way apps open
 * theirs. Closing stops both.
 */
final class RunningGrpcServer implements AutoCloseable {
    static final GrpcClientSettings SETTINGS =
            new GrpcClientSettings(Duration.ofSeconds(10), 3, Duration.ofMillis(50), Duration.ofMillis(200));
    /** What the services do is tested over plaintext; who may call them, in {@code MutualTlsIT}. */
    static final GrpcServerOptions PLAINTEXT =
            new GrpcServerOptions(TransportSecurity.plaintext(), true, GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES);

    final GrpcServerHost host;
    final ManagedChannel channel;

    RunningGrpcServer(List<BindableService> services) {
        host = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), services, PLAINTEXT).start();
        channel = open("127.0.0.1:" + host.port());
    }

    static ManagedChannel open(String target) {
        return ClientChannels.open(target, SETTINGS, TransportSecurity.plaintext(), GrpcServerOptions.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Override
    public void close() {
        ClientChannels.close(channel, Duration.ofSeconds(5));
        host.stop(Duration.ofSeconds(5));
    }
}
