package io.parceltrack.rest;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server every app runs, on Javalin: the health probes ({@code /health/live},
 * {@code /health/ready}) and whatever route groups the app mounts (the manager API, metrics, a web
 * page). Errors anywhere are answered as problem+json by one translator, every response carries
 * {@code nosniff}, and a response that did not choose its caching is not cached.
 * {@link #start()} binds the port, {@link #stop()} lets requests in flight finish (up to the shutdown
 * timeout) and releases everything.
 */
public final class AppHttpServer {
    private static final long DEFAULT_IDLE_GRACE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AppHttpServer.class);

    private final HttpServerSettings settings;
    private final HealthEndpoints health;
    private final List<RouteGroup> groups;
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final Javalin app;

    /**
     * @param readinessChecks named checks of the dependencies; {@code /health/ready} passes when all do
     * @param groups the route groups to serve besides the health probes
     */
    public AppHttpServer(HttpServerSettings settings, Map<String, ReadinessCheck> readinessChecks,
            List<RouteGroup> groups) {
        this(settings, readinessChecks, groups, HttpRequestObserver.NONE);
    }

    /** As above, telling {@code observer} of every request answered (for metrics). */
    public AppHttpServer(HttpServerSettings settings, Map<String, ReadinessCheck> readinessChecks,
            List<RouteGroup> groups, HttpRequestObserver observer) {
        this.settings = settings;
        this.groups = List.copyOf(groups);
        ApiJson json = new ApiJson();
        ProblemTranslator problems = new ProblemTranslator(json, settings.unavailableRetryAfter());
        this.health = new HealthEndpoints(readinessChecks, settings.readinessTimeout(), json, problems);
        this.app = Javalin.create(config -> {
            configureServer(config, json, problems, observer);
            config.events.handlerAdded(added -> {
                if (added.getHttpMethod().isHttpMethod()) {
                    endpoints.add(added.getHttpMethod().name() + " " + added.getPath());
                }
            });
            Routes routes = new Routes(config.routes);
            routes.get(HealthEndpoints.LIVE, health::live);
            routes.get(HealthEndpoints.READY, health::ready);
            this.groups.forEach(group -> group.register(routes));
        });
    }

    private void configureServer(JavalinConfig config, ApiJson json, ProblemTranslator problems,
            HttpRequestObserver observer) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.compressionStrategy = gzipNamingOurJson();
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyProblemErrorHandler(json));
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
        });
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(
                new ConcurrencyLimit(settings.maxConcurrentRequests(), settings.unavailableRetryAfter(), json)));
        config.routes.before(RequestTrace::begin);
        config.routes.before(CorrelationId::assign);
        config.routes.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            if (ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        config.routes.exception(HttpResponseException.class, problems::respond);
        config.routes.exception(Exception.class, problems::respond);
        config.router.javaLangErrorHandler(problems::respondToError);
        config.requestLogger.http((ctx, millis) -> {
            AccessLog.log(ctx, millis);
            observer.completed(ctx.method().name(), AccessLog.routeOf(ctx), ctx.statusCode(),
                    Duration.ofNanos(millis == null ? 0 : (long) (millis * 1_000_000.0)));
        });
    }

    /**
     * Javalin's default (gzip, for responses large enough and clients that accept it), with our JSON
     * types listed as compressible. Before writing any response Javalin looks its type up in that
     * list, and only if absent searches it, case-blind, for each excluded type (images, archives):
     * that search, before the size is even looked at, was a tenth of a request's CPU. JSON matches
     * no excluded type, so what is compressed stays the same.
     */
    private static CompressionStrategy gzipNamingOurJson() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setAllowedMimeTypes(List.of(JsonRequestBody.MEDIA_TYPE, Problem.MEDIA_TYPE));
        return strategy;
    }

    /**
     * Binds the configured host and port.
     *
     * @return the port actually bound (a free one when the settings say 0)
     */
    public int start() {
        app.start(settings.host(), settings.port());
        // On stop Jetty gives idle keep-alive connections this long to send one more request; it
        // must end well within the shutdown timeout, or every stop() would time out.
        long idleGrace = Math.min(DEFAULT_IDLE_GRACE_MILLIS, settings.shutdownTimeout().toMillis() / 2);
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setShutdownIdleTimeout(idleGrace);
            }
        }
        return app.port();
    }

    /** Stops accepting requests, waits for those in flight up to the shutdown timeout, and releases all. */
    public void stop() {
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty has stopped all the same; it only reports that it had to cut requests off.
            LOG.warn("requests still running after the shutdown timeout of {} were cut off", settings.shutdownTimeout());
        } finally {
            health.close();
            groups.forEach(RouteGroup::close);
        }
    }

    /** The bound port; only meaningful after {@link #start()}. */
    public int port() {
        return app.port();
    }

    /** Every HTTP route as Javalin registered it, e.g. {@code "GET /api/v1/parcels"}. */
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }
}
