package io.parceltrack.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
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
 * server as a whole while it runs) and, if asked for, server reflection (so grpcurl needs no .proto
 * files). Over mutual TLS, each call of our services must come from an app that
 * {@link CallerPermissions} allows it to; plaintext serves anyone and says so loudly in the log.
 */
public final class GrpcServerHost implements AutoCloseable {
    /** How long {@link #close()} lets calls in flight finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(GrpcServerHost.class);

    private final InetSocketAddress address;
    private final GrpcServerOptions options;
    private final List<String> serviceNames;
    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;
    private volatile int boundPort = -1;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** A port of 0 picks a free one; {@link #port()} tells which, once started. */
    public GrpcServerHost(InetSocketAddress address, List<BindableService> services, GrpcServerOptions options) {
        this(address, services, options, List.of());
    }

    /**
     * As above, every call of {@code services} passing {@code outermost} first, before callers are
     * checked and domain errors translated, so that they see each call's final status (metrics, for one).
     */
    public GrpcServerHost(InetSocketAddress address, List<BindableService> services, GrpcServerOptions options,
            List<ServerInterceptor> outermost) {
        this.address = address;
        this.options = options;
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address, options.security().serverCredentials())
                .maxInboundMessageSize(options.maxInboundMessageBytes());
        DomainErrorInterceptor errors = new DomainErrorInterceptor();
        boolean checkCallers = options.security() instanceof TransportSecurity.MutualTls;
        ServerTraceInterceptor trace = new ServerTraceInterceptor();
        List<String> names = new ArrayList<>();
        for (BindableService service : services) {
            // The last interceptor named runs first: callers are checked before anything else happens,
            // within the caller's trace, so that errors are translated and logged in it.
            ServerServiceDefinition checked = checkCallers
                    ? ServerInterceptors.intercept(service, errors, new CallerCheckInterceptor(), trace)
                    : ServerInterceptors.intercept(service, errors, trace);
            ServerServiceDefinition definition = ServerInterceptors.intercept(checked, outermost);
            builder.addService(definition);
            names.add(definition.getServiceDescriptor().getName());
        }
        serviceNames = List.copyOf(names);
        builder.addService(health.getHealthService());
        if (options.reflection()) {
            builder.addService(ProtoReflectionServiceV1.newInstance());
        }
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
        if (options.security() instanceof TransportSecurity.Plaintext) {
            log.warn("gRPC server on port {} is PLAINTEXT: no encryption, and anyone who reaches the port may call every"
                    + " RPC of {} as any manager or user. Only for a trusted machine or network.", boundPort, serviceNames);
        }
        log.info("gRPC server listening on port {} with {} ({}, reflection {})", boundPort, serviceNames,
                options.security() instanceof TransportSecurity.MutualTls ? "mutual TLS" : "plaintext",
                options.reflection() ? "on" : "off");
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
