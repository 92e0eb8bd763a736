package io.parceltrack.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Where a {@link RouteGroup} adds its routes. Every route is named in the access log by its
 * template, and every GET also answers HEAD by running the same handler: left alone, Javalin
 * answers HEAD with an empty 200 without running the GET handler, so even an unauthenticated HEAD
 * would "succeed". Running the handler gives HEAD the status and headers GET would have; Jetty
 * drops the body.
 */
public final class Routes {
    private final RoutesConfig routes;

    Routes(RoutesConfig routes) {
        this.routes = routes;
    }

    public Routes get(String path, Handler handler) {
        add(HandlerType.GET, path, handler);
        add(HandlerType.HEAD, path, handler);
        return this;
    }

    public Routes post(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    public Routes delete(String path, Handler handler) {
        return add(HandlerType.DELETE, path, handler);
    }

    private Routes add(HandlerType method, String path, Handler handler) {
        routes.addHttpHandler(method, path, AccessLog.naming(path, handler));
        return this;
    }
}
