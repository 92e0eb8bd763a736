package io.parceltrack.deploy;

import java.util.Optional;

/**
 * A health check an orchestrator makes of a container: a Kubernetes probe or a compose healthcheck.
 * {@code port} is resolved to a number; {@code target} is the HTTP path or the gRPC service name.
 */
record Probe(Purpose purpose, Kind kind, Optional<Integer> port, String target, String where) {

    enum Purpose {
        /** Take the container out of the traffic while it cannot serve (Kubernetes readiness, compose's service_healthy). */
        READINESS,
        /** Restart the container when it hangs. */
        LIVENESS,
        /** Let a slow start finish before liveness counts. */
        STARTUP
    }

    enum Kind { HTTP, GRPC, TCP, EXEC }
}
