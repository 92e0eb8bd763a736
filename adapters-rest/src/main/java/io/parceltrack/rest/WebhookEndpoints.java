package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Handler;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookUrl;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /webhooks}: a manager registers, lists, reads, deletes and tests webhook endpoints,
 * rotates their secrets and reads their recent deliveries.
 */
final class WebhookEndpoints {
    static final String COLLECTION = ManagerApi.API_BASE + "/webhooks";
    static final String ITEM = COLLECTION + "/{" + FieldVocabulary.WEBHOOK_ID_PATH_PARAMETER + "}";

    private final WebhookEndpointsUseCase webhooks;
    private final ManagerRequestPipeline pipeline;

    WebhookEndpoints(WebhookEndpointsUseCase webhooks, ManagerRequestPipeline pipeline) {
        this.webhooks = webhooks;
        this.pipeline = pipeline;
    }

    /** Adds the routes, each answered through the manager pipeline (auth, limits, idempotent POSTs, problems). */
    void register(Routes routes) {
        routes.post(COLLECTION, handler(FieldVocabulary.NEW_WEBHOOK, this::add))
                .get(COLLECTION, handler(FieldVocabulary.NONE, this::list))
                .get(ITEM, handler(FieldVocabulary.WEBHOOK_PATH, this::get))
                .delete(ITEM, handler(FieldVocabulary.WEBHOOK_PATH, this::delete))
                .post(ITEM + "/rotate-secret", action(FieldVocabulary.WEBHOOK_PATH, this::rotateSecret))
                .post(ITEM + "/test", action(FieldVocabulary.WEBHOOK_PATH, this::test))
                .get(ITEM + "/deliveries", handler(FieldVocabulary.WEBHOOK_DELIVERIES, this::deliveries));
    }

    private Handler handler(FieldVocabulary vocabulary, ManagerEndpoint endpoint) {
        return pipeline.handler(vocabulary, endpoint);
    }

    /** A POST that takes no body: an empty one is fine, a JSON object is accepted and ignored. */
    private Handler action(FieldVocabulary vocabulary, ManagerEndpoint endpoint) {
        return pipeline.actionHandler(vocabulary, endpoint);
    }

    ApiResponse add(ManagerRequest request) {
        RequestErrors errors = request.errors();
        JsonObjectFields fields = JsonObjectFields.of(request.body(), request.vocabulary(), errors);
        String url = fields.text(WebhookUrl.FIELD);
        List<String> events = texts(request.body(), RegisterWebhookCommand.EVENTS_FIELD, request.vocabulary(), errors);
        RegisterWebhookCommand command = errors.capture(() ->
                RegisterWebhookCommand.parse(request.manager(), url, events, webhooks.destinationRules()));
        errors.throwIfAny();

        WebhookEndpoint endpoint = webhooks.register(command);
        return ApiResponse.created(WebhookJson.withSecret(endpoint)).withHeader("Location", location(endpoint.id()));
    }

    ApiResponse list(ManagerRequest request) {
        return ApiResponse.ok(webhooks.listEndpoints(request.manager()).stream().map(WebhookJson::of).toList());
    }

    ApiResponse get(ManagerRequest request) {
        return ApiResponse.ok(WebhookJson.of(webhooks.getEndpoint(request.manager(), idInPath(request))));
    }

    ApiResponse delete(ManagerRequest request) {
        webhooks.delete(request.manager(), idInPath(request));
        return ApiResponse.noContent();
    }

    ApiResponse rotateSecret(ManagerRequest request) {
        return ApiResponse.ok(WebhookJson.withSecret(webhooks.rotateSecret(request.manager(), idInPath(request))));
    }

    ApiResponse test(ManagerRequest request) {
        MessageId queued = webhooks.sendTest(request.manager(), idInPath(request));
        return new ApiResponse(202, Map.of(), Map.of("message_id", queued.value()));
    }

    ApiResponse deliveries(ManagerRequest request) {
        RequestErrors errors = request.errors();
        WebhookEndpointId id = errors.capture(() -> idInPath(request));
        Integer limit = DeliveriesQuery.limit(request.queryParameters(), errors);
        errors.throwIfAny();
        return ApiResponse.ok(webhooks.listDeliveries(request.manager(), id, limit).stream()
                .map(WebhookDeliveryJson::of).toList());
    }

    static String location(WebhookEndpointId id) {
        return COLLECTION + "/" + id;
    }

    private static WebhookEndpointId idInPath(ManagerRequest request) {
        return WebhookEndpointId.parse(WebhookEndpointId.FIELD, request.pathParameter(FieldVocabulary.WEBHOOK_ID_PATH_PARAMETER));
    }

    /** An array of strings; {@code null} if absent, and an error if it is anything else. */
    private static List<String> texts(JsonNode body, String domainField, FieldVocabulary vocabulary, RequestErrors errors) {
        String name = vocabulary.clientName(domainField);
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(name, "must be an array of event names");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                errors.add(name, "must be an array of event names (strings)");
                return null;
            }
            texts.add(element.textValue());
        }
        return texts;
    }
}
