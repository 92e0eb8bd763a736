package io.parceltrack.rest;

import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import io.parceltrack.port.out.IdempotencyStore;
import java.time.Clock;

/**
 * The manager REST API v1 (SPEC §4) as a route group: parcels, checkpoints and webhooks behind API-token
 * authentication, rate limits and idempotent POSTs, with its OpenAPI document and Swagger UI. All
 * its routes are registered here, in one place.
 */
public final class ManagerApi implements RouteGroup {
    static final String API_BASE = "/api/v1";

    private final ManagerRequestPipeline pipeline;
    private final ApiTokenAuthentication authentication;
    private final ParcelEndpoints parcelEndpoints;
    private final CheckpointEndpoints checkpointEndpoints;
    private final WebhookEndpoints webhookEndpoints;
    private final OpenApiDocument openApi = new OpenApiDocument();
    private final SwaggerUi swaggerUi = new SwaggerUi();

    public ManagerApi(ManagerParcelUseCases parcels, WebhookEndpointsUseCase webhooks,
            AuthenticateApiTokenUseCase tokens, IdempotencyStore idempotencyStore, Clock clock,
            HttpServerSettings settings) {
        this(parcels, webhooks, tokens, idempotencyStore, IdempotentRequests.DEFAULT_KEY_QUOTA, clock, settings);
    }

    /** @param idempotencyKeyQuota how many Idempotency-Keys one manager may hold within their time to live */
    public ManagerApi(ManagerParcelUseCases parcels, WebhookEndpointsUseCase webhooks,
            AuthenticateApiTokenUseCase tokens, IdempotencyStore idempotencyStore, int idempotencyKeyQuota, Clock clock,
            HttpServerSettings settings) {
        this(parcels, webhooks, tokens, idempotencyStore, idempotencyKeyQuota, FailedAuthenticationLimit.DEFAULT, clock,
                settings);
    }

    /** @param failedAuthentication how many bad API tokens one client address may present */
    public ManagerApi(ManagerParcelUseCases parcels, WebhookEndpointsUseCase webhooks,
            AuthenticateApiTokenUseCase tokens, IdempotencyStore idempotencyStore, int idempotencyKeyQuota,
            FailedAuthenticationLimit failedAuthentication, Clock clock, HttpServerSettings settings) {
        this.authentication = new ApiTokenAuthentication(tokens, failedAuthentication, clock);
        this.pipeline = new ManagerRequestPipeline(
                authentication,
                new TokenBucketRateLimiter(settings.rateLimit(), clock),
                new JsonRequestBody(settings.maxBodyBytes()),
                new IdempotentRequests(idempotencyStore, clock, settings.idempotencyTtl(), idempotencyKeyQuota),
                new ApiJson());
        this.parcelEndpoints = new ParcelEndpoints(parcels);
        this.checkpointEndpoints = new CheckpointEndpoints(parcels, clock);
        this.webhookEndpoints = new WebhookEndpoints(webhooks, pipeline);
    }

    /** How many client addresses the failed-authentication limit remembers now (for tests of its bound). */
    int failedAuthenticationAddresses() {
        return authentication.trackedAddresses();
    }

    @Override
    public void register(Routes routes) {
        String parcel = ParcelEndpoints.COLLECTION + "/{" + FieldVocabulary.TRACK_NUMBER_PATH_PARAMETER + "}";
        routes.post(ParcelEndpoints.COLLECTION, pipeline.handler(FieldVocabulary.NEW_PARCEL, parcelEndpoints::add))
                .get(ParcelEndpoints.COLLECTION, pipeline.handler(FieldVocabulary.PAGING, parcelEndpoints::list))
                .get(parcel, pipeline.handler(FieldVocabulary.PARCEL_PATH, parcelEndpoints::get))
                .delete(parcel, pipeline.handler(FieldVocabulary.PARCEL_PATH, parcelEndpoints::delete))
                .get(parcel + "/checkpoints",
                        pipeline.handler(FieldVocabulary.PARCEL_CHECKPOINTS, checkpointEndpoints::list))
                .post(API_BASE + "/checkpoints", pipeline.handler(FieldVocabulary.NEW_CHECKPOINT, checkpointEndpoints::add))
                .get(OpenApiDocument.PATH, openApi::serve)
                .get("/", swaggerUi::root)
                .get(SwaggerUi.PATH, swaggerUi::page)
                .get(SwaggerUi.ASSET_PATH, swaggerUi::asset);
        webhookEndpoints.register(routes);
    }
}
