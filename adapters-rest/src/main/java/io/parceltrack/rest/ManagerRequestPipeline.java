package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import org.slf4j.MDC;

/**
 * What every manager route goes through before its endpoint runs, in this order: authenticate the
 * token (401), apply the token's rate limit (429), and for POSTs check content type and size
 * (415, 413) and honour {@code Idempotency-Key}, then parse the JSON (400). The endpoint's answer is
 * written as JSON. Failures are thrown and answered by {@link ProblemTranslator}.
 */
final class ManagerRequestPipeline {
    static final String MANAGER_ATTRIBUTE = "parceltrack.manager";
    static final String MANAGER_MDC_KEY = "manager";

    private final ApiTokenAuthentication authentication;
    private final TokenBucketRateLimiter rateLimiter;
    private final JsonRequestBody requestBody;
    private final IdempotentRequests idempotentRequests;
    private final ApiJson json;

    ManagerRequestPipeline(ApiTokenAuthentication authentication, TokenBucketRateLimiter rateLimiter,
            JsonRequestBody requestBody, IdempotentRequests idempotentRequests, ApiJson json) {
        this.authentication = authentication;
        this.rateLimiter = rateLimiter;
        this.requestBody = requestBody;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    /** The Javalin handler of one manager route. */
    Handler handler(FieldVocabulary vocabulary, ManagerEndpoint endpoint) {
        return ctx -> serve(ctx, vocabulary, endpoint, false);
    }

    /**
     * The handler of a POST that acts on what its path names and needs no body (rotate a secret,
     * send a test): it may come without a body, or with JSON that is then not looked at.
     */
    Handler actionHandler(FieldVocabulary vocabulary, ManagerEndpoint endpoint) {
        return ctx -> serve(ctx, vocabulary, endpoint, true);
    }

    private void serve(Context ctx, FieldVocabulary vocabulary, ManagerEndpoint endpoint, boolean bodyOptional) {
        ctx.attribute(ProblemTranslator.VOCABULARY_ATTRIBUTE, vocabulary);
        TelegramId manager = authentication.authenticate(ctx);
        ctx.attribute(MANAGER_ATTRIBUTE, manager);
        MDC.put(MANAGER_MDC_KEY, manager.toString());
        rateLimiter.acquire(manager);

        StoredResponse response;
        if (ctx.method().equals(HandlerType.POST)) {
            boolean bodiless = bodyOptional && ctx.req().getContentLengthLong() <= 0 && ctx.header("Content-Type") == null;
            byte[] body = bodiless ? new byte[0] : requestBody.read(ctx);
            boolean skipBody = bodyOptional && body.length == 0;
            response = idempotentRequests.run(manager, ctx.header(IdempotentRequests.KEY_HEADER),
                    ctx.method().name(), ctx.path(), body,
                    () -> render(endpoint.handle(request(ctx, manager, vocabulary, skipBody ? null : json.read(body)))));
        } else {
            response = render(endpoint.handle(request(ctx, manager, vocabulary, null)));
        }
        write(ctx, response);
    }

    private static ManagerRequest request(Context ctx, TelegramId manager, FieldVocabulary vocabulary, JsonNode body) {
        return new ManagerRequest(manager, ctx.pathParamMap(), QueryString.parse(ctx.queryString()), body, vocabulary);
    }

    private StoredResponse render(ApiResponse response) {
        String body = response.body() == null ? "" : json.write(response.body());
        return new StoredResponse(response.status(), response.headers(), body);
    }

    private static void write(Context ctx, StoredResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status());
        if (response.body().isEmpty()) {
            // Javalin would otherwise label the empty answer (204) text/plain.
            ctx.res().setContentType(null);
        } else {
            ctx.contentType(JsonRequestBody.MEDIA_TYPE).result(response.body());
        }
    }
}
