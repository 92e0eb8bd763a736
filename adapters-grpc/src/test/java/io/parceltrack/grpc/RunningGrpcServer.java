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

    final GrpcServerHost host;
    final ManagedChannel channel;

    RunningGrpcServer(List<BindableService> services) {
        host = new GrpcServerHost(new InetSocketAddress("127.0.0.1", 0), services).start();
        channel = ClientChannels.open("127.0.0.1:" + host.port(), SETTINGS);
    }

    @Override
    public void close() {
        ClientChannels.close(channel, Duration.ofSeconds(5));
        host.stop(Duration.ofSeconds(5));
    }
}
