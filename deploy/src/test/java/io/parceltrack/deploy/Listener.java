package io.parceltrack.deploy;

import java.util.Set;

/**
 * A port an app listens on, named by the setting that chooses it, so that its number is whatever
 * that setting says in a given environment ({@code parceltrack.health.port} is 8081 unless the
 * manifest overrides it).
 */
record Listener(Kind kind, String portSetting) {

    /** What is served on the port. */
    enum Kind {
        /** The app's public HTTP server on the HTTP port (the manager REST API, the tracking page), probes included. */
        REST,
        /** The small health server of the apps without HTTP of their own. */
        HEALTH,
        /** A gRPC server with the standard health service. */
        GRPC;

        boolean isHttp() {
            return this != GRPC;
        }
    }

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    /** What both HTTP kinds serve for probes (ProbedEndpointsIT asks the real servers). */
    static final Set<String> HEALTH_PATHS = Set.of(LIVE, READY);
    /** The gRPC health check of the server as a whole, which is what a probe without a service name asks. */
    static final String WHOLE_SERVER = "";

    static Listener rest() {
        return new Listener(Kind.REST, "parceltrack.http.port");
    }

    static Listener health() {
        return new Listener(Kind.HEALTH, "parceltrack.health.port");
    }

    static Listener grpc(String service) {
        return new Listener(Kind.GRPC, "parceltrack.grpc." + service + ".port");
    }
}
