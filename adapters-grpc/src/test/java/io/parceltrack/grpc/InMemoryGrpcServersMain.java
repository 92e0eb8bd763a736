package io.parceltrack.grpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The account, parcels-manager and parcels-user gRPC services over in-memory adapters, in a process
 * of their own, for tests that need a real process boundary. Writes the port it listens on to the
 * file named by its argument, and stops when its standard input closes, so it cannot outlive the
 * test that started it.
 */
public final class InMemoryGrpcServersMain {
    private InMemoryGrpcServersMain() {}

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        GrpcServerHost host = new GrpcServerHost(
                new InetSocketAddress("127.0.0.1", 0), new InMemoryCoreServices().grpcServices(),
                RunningGrpcServer.PLAINTEXT).start();
        Path written = Files.writeString(Files.createTempFile(portFile.getParent(), "port", ".tmp"),
                Integer.toString(host.port()), StandardCharsets.US_ASCII);
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        while (System.in.read() != -1) {
            // nothing to read: waiting for the parent to go away
        }
        host.stop(Duration.ofSeconds(5));
    }
}
