package io.parceltrack.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gRPC server as an app runs it: our services behind {@link DomainErrorInterceptor}, the
 * standard health service ({@code grpc.health.v1.Health}, SERVING for each service and for the
 * server as a whole while it runs) and server reflection (so grpcurl needs no .proto files).
 * Plaintext: the services talk inside a private network.
 */
public final class GrpcServerHost implements AutoCloseable {
    /** How long {@link #close()} lets calls in flight finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(GrpcServerHost.class);

    private final InetSocketAddress address;
    private final List<String> serviceNames;
    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;
    private volatile int boundPort = -1;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** A port of 0 picks a free one; {@link #port()} tells which, once started. */
    public GrpcServerHost(InetSocketAddress address, List<BindableService> services) {
        this.address = address;
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
        DomainErrorInterceptor errors = new DomainErrorInterceptor();
        ServerTraceInterceptor trace = new ServerTraceInterceptor();
        List<String> names = new ArrayList<>();
        for (BindableService service : services) {
            // The last one runs first: the trace is current while errors are translated and logged.
            ServerServiceDefinition definition = ServerInterceptors.intercept(service, errors, trace);
            builder.addService(definition);
            names.add(definition.getServiceDescriptor().getName());
        }
        serviceNames = List.copyOf(names);
        builder.addService(health.getHealthService());
        builder.addService(ProtoReflectionServiceV1.newInstance());
        server = builder.build();
    }

    /** @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken) */
    public GrpcServerHost start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve gRPC on " + address, e);
        }
        boundPort = server.getPort();
        serviceNames.forEach(name -> health.setStatus(name, ServingStatus.SERVING));
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        log.info("gRPC server listening on port {} with {}", boundPort, serviceNames);
        return this;
    }

    /** The port the server listens on (also after it stopped); {@code -1} before it started. */
    public int port() {
        return boundPort;
    }

    /** The fully qualified names of our services on this server, e.g. {@code parceltrack.parcels.manager.ParcelsManager}. */
    public List<String> serviceNames() {
        return serviceNames;
    }

    /**
     * Reports NOT_SERVING, refuses new calls, lets calls in flight finish for up to {@code grace},
     * then cancels whatever is left. Stopping again does nothing.
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("gRPC calls still running after {}; cancelling them", grace);
                server.shutdownNow();
                server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("gRPC server on port {} stopped", boundPort);
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }
}
