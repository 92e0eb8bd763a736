package io.parceltrack.rest;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinException;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.out.IdempotencyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager REST API v1 (SPEC §4) on Javalin, built from the ports it serves and its settings.
 * All routes are registered here, in one place. {@link #start()} binds the port, {@link #stop()}
 * lets requests in flight finish (up to the shutdown timeout) and releases everything.
 */
public final class RestApiServer {
    static final String API_BASE = "/api/v1";
    private static final long DEFAULT_IDLE_GRACE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RestApiServer.class);

    private final RestApiSettings settings;
    private final HealthEndpoints health;
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final Javalin app;

    /**
     * @param readinessChecks named checks of the dependencies; {@code /health/ready} passes when all do
     */
    public RestApiServer(ManagerParcelUseCases parcels, AuthenticateApiTokenUseCase tokens,
            IdempotencyStore idempotencyStore, Clock clock, Map<String, ReadinessCheck> readinessChecks,
            RestApiSettings settings) {
        this.settings = settings;
        ApiJson json = new ApiJson();
        ProblemTranslator problems = new ProblemTranslator(json, settings.unavailableRetryAfter());
        ManagerRequestPipeline pipeline = new ManagerRequestPipeline(
                new ApiTokenAuthentication(tokens),
                new TokenBucketRateLimiter(settings.rateLimit(), clock),
                new JsonRequestBody(settings.maxBodyBytes()),
                new IdempotentRequests(idempotencyStore, clock, settings.idempotencyTtl()),
                json);
        this.health = new HealthEndpoints(readinessChecks, settings.readinessTimeout(), json, problems);
        ParcelEndpoints parcelEndpoints = new ParcelEndpoints(parcels);
        CheckpointEndpoints checkpointEndpoints = new CheckpointEndpoints(parcels);
        OpenApiDocument openApi = new OpenApiDocument();
        SwaggerUi swaggerUi = new SwaggerUi();

        this.app = Javalin.create(config -> {
            configureServer(config, json, problems);
            config.events.handlerAdded(added -> {
                if (added.getHttpMethod().isHttpMethod()) {
                    endpoints.add(added.getHttpMethod().name() + " " + added.getPath());
                }
            });
            var routes = config.routes;
            String parcel = ParcelEndpoints.COLLECTION + "/{" + FieldVocabulary.TRACK_NUMBER_PATH_PARAMETER + "}";
            route(routes, HandlerType.POST, ParcelEndpoints.COLLECTION,
                    pipeline.handler(FieldVocabulary.NEW_PARCEL, parcelEndpoints::add));
            getAndHead(routes, ParcelEndpoints.COLLECTION,
                    pipeline.handler(FieldVocabulary.PAGING, parcelEndpoints::list));
            getAndHead(routes, parcel, pipeline.handler(FieldVocabulary.PARCEL_PATH, parcelEndpoints::get));
            route(routes, HandlerType.DELETE, parcel,
                    pipeline.handler(FieldVocabulary.PARCEL_PATH, parcelEndpoints::delete));
            getAndHead(routes, parcel + "/checkpoints",
                    pipeline.handler(FieldVocabulary.PARCEL_CHECKPOINTS, checkpointEndpoints::list));
            route(routes, HandlerType.POST, API_BASE + "/checkpoints",
                    pipeline.handler(FieldVocabulary.NEW_CHECKPOINT, checkpointEndpoints::add));
            getAndHead(routes, OpenApiDocument.PATH, openApi::serve);
            getAndHead(routes, HealthEndpoints.LIVE, health::live);
            getAndHead(routes, HealthEndpoints.READY, health::ready);
            getAndHead(routes, SwaggerUi.PATH, swaggerUi::page);
            getAndHead(routes, SwaggerUi.ASSET_PATH, swaggerUi::asset);
        });
    }

    /**
     * Left alone, Javalin answers HEAD with an empty 200 without running the GET handler, so even an
     * unauthenticated HEAD "succeeds". Running the same handler gives HEAD the status and headers GET
     * would have; Jetty drops the body.
     */
    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        route(routes, HandlerType.GET, path, handler);
        route(routes, HandlerType.HEAD, path, handler);
    }

    private static void route(RoutesConfig routes, HandlerType method, String path, Handler handler) {
        routes.addHttpHandler(method, path, AccessLog.naming(path, handler));
    }

    private void configureServer(JavalinConfig config, ApiJson json, ProblemTranslator problems) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyProblemErrorHandler(json));
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
        });
        config.routes.before(CorrelationId::assign);
        config.routes.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            if (ctx.path().startsWith(API_BASE + "/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        config.routes.exception(HttpResponseException.class, problems::respond);
        config.routes.exception(Exception.class, problems::respond);
        config.router.javaLangErrorHandler(problems::respondToError);
        config.requestLogger.http(AccessLog::log);
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
