package io.parceltrack.rest;

/**
 * A set of routes an app mounts on its {@link AppHttpServer}: the manager API, a web page, metrics.
 * Each group registers its routes in one place, {@link #register(Routes)}.
 */
public interface RouteGroup {
    void register(Routes routes);

    /** Releases what the group holds (threads, caches) once the server has stopped. */
    default void close() {}
}
