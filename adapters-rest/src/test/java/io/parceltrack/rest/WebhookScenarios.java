package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.out.IdempotencyStore.KeyPolicy;
import io.parceltrack.port.out.IdempotencyStore.KeyedRequest;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One request per documented (webhook route, status) that provokes it, for the OpenAPI contract;
 * 429, 500 and 503 are added with the other routes' failures.
 */
final class WebhookScenarios {
    static final String COLLECTION = "/api/v1/webhooks";
    static final String ITEM = COLLECTION + "/{webhook-id}";
    static final String NEW_WEBHOOK =
            "{\"url\":\"https://hooks.shop.example/parceltrack\",\"events\":[\"checkpoint.recorded\"]}";
    private static final String UNKNOWN = COLLECTION + "/ep_00000000000000000000000000000000";

    private WebhookScenarios() {}

    /** Registers an endpoint for the manager holding {@code token}; returns its path. */
    static String register(HttpCalls http, String token) {
        HttpResponse<String> created = http.post(COLLECTION, NEW_WEBHOOK).token(token).send();
        if (created.statusCode() != 201) {
            throw new AssertionError("could not register a webhook: " + created.statusCode() + " " + created.body());
        }
        return COLLECTION + "/" + json(created).get("id").asText();
    }

    static void put(Map<String, Supplier<HttpResponse<String>>> scenarios, RunningApi api) {
        HttpCalls http = new HttpCalls(api);
        scenarios.put("POST " + COLLECTION + " 201", () -> http.post(COLLECTION, NEW_WEBHOOK).token(api.newManagerToken()).send());
        scenarios.put("POST " + COLLECTION + " 400", () -> http.post(COLLECTION, "{\"url\":\"http://10.0.0.1/\",\"events\":[]}")
                .token(api.newManagerToken()).send());
        scenarios.put("POST " + COLLECTION + " 401", () -> http.post(COLLECTION, NEW_WEBHOOK).send());
        scenarios.put("POST " + COLLECTION + " 409", () -> {
            String token = api.newManagerToken();
            for (int i = 0; i < 3; i++) {
                register(http, token);
            }
            return http.post(COLLECTION, NEW_WEBHOOK).token(token).send();
        });
        scenarios.put("POST " + COLLECTION + " 413", () -> http.post(COLLECTION,
                "{\"url\":\"https://x.example/" + "x".repeat(70 * 1024) + "\",\"events\":[]}").token(api.newManagerToken()).send());
        scenarios.put("POST " + COLLECTION + " 415", () -> http.post(COLLECTION, NEW_WEBHOOK)
                .header("Content-Type", "text/plain").token(api.newManagerToken()).send());
        scenarios.put("POST " + COLLECTION + " 422", () -> {
            String token = api.newManagerToken();
            String key = UUID.randomUUID().toString();
            http.post(COLLECTION, NEW_WEBHOOK).token(token).header("Idempotency-Key", key).send();
            return http.post(COLLECTION, NEW_WEBHOOK.replace("parceltrack", "other")).token(token)
                    .header("Idempotency-Key", key).send();
        });
        scenarios.put("GET " + COLLECTION + " 200", () -> http.get(COLLECTION).token(api.newManagerToken()).send());
        scenarios.put("GET " + COLLECTION + " 401", () -> http.get(COLLECTION).send());

        putItemRoute(scenarios, api, "GET", "", 200);
        putItemRoute(scenarios, api, "DELETE", "", 204);
        putItemRoute(scenarios, api, "POST", "/rotate-secret", 200);
        putItemRoute(scenarios, api, "POST", "/test", 202);
        putItemRoute(scenarios, api, "GET", "/deliveries", 200);
        for (String action : new String[] {"/rotate-secret", "/test"}) {
            String operation = "POST " + ITEM + action;
            scenarios.put(operation + " 413", () -> {
                String token = api.newManagerToken();
                return http.post(register(http, token) + action, "{\"x\":\"" + "x".repeat(70 * 1024) + "\"}").token(token).send();
            });
            scenarios.put(operation + " 415", () -> {
                String token = api.newManagerToken();
                return http.post(register(http, token) + action, "{}").header("Content-Type", "text/plain").token(token).send();
            });
            scenarios.put(operation + " 422", () -> {
                String token = api.newManagerToken();
                String path = register(http, token) + action;
                String key = UUID.randomUUID().toString();
                http.post(path, "{}").token(token).header("Idempotency-Key", key).send();
                return http.post(path, "{\"again\":\"yes\"}").token(token).header("Idempotency-Key", key).send();
            });
        }
        scenarios.put("POST " + ITEM + "/rotate-secret 409", () -> keyInUse(api, "/rotate-secret"));
        scenarios.put("POST " + ITEM + "/test 409", () -> {
            String token = api.newManagerToken();
            String path = register(http, token);
            String id = path.substring(path.lastIndexOf('/') + 1);
            api.webhookDatabase.updateHealth(WebhookEndpointId.parse("id", id),
                    new EndpointHealth.Disabled(Instant.now(), "failing for days"));
            return http.method("POST", path + "/test").token(token).send();
        });
    }

    /** A request whose Idempotency-Key is held by a first request still running (claimed, not answered). */
    private static HttpResponse<String> keyInUse(RunningApi api, String action) {
        HttpCalls http = new HttpCalls(api);
        TelegramId manager = api.newManager();
        String token = api.accountService.issueApiToken(manager).value();
        String path = register(http, token) + action;
        KeyedRequest first = new KeyedRequest(manager.toString(), "held",
                IdempotentRequests.fingerprint("POST", path, new byte[0]));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        Thread holder = new Thread(() -> api.idempotency.runOnce(first,
                new KeyPolicy(Instant.now(), Duration.ofHours(1), 1000), () -> {
                    running.countDown();
                    awaitQuietly(answered);
                    return new StoredResponse(503, Map.of(), "");   // not 2xx: nothing is kept
                }));
        holder.start();
        awaitQuietly(running);
        try {
            return http.method("POST", path).token(token).header("Idempotency-Key", "held").send();
        } finally {
            answered.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held request did not get going within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 200/202/204, 400, 401, 403 and 404 of a route under {@code /webhooks/{webhook-id}}. */
    private static void putItemRoute(Map<String, Supplier<HttpResponse<String>>> scenarios, RunningApi api, String method,
            String suffix, int success) {
        HttpCalls http = new HttpCalls(api);
        String operation = method + " " + ITEM + suffix;
        scenarios.put(operation + " " + success, () -> {
            String token = api.newManagerToken();
            return http.method(method, register(http, token) + suffix).token(token).send();
        });
        scenarios.put(operation + " 400", () -> http.method(method, COLLECTION + "/not-an-id" + suffix)
                .token(api.newManagerToken()).send());
        scenarios.put(operation + " 401", () -> http.method(method, UNKNOWN + suffix).send());
        scenarios.put(operation + " 403", () -> http.method(method, register(http, api.newManagerToken()) + suffix)
                .token(api.newManagerToken()).send());
        scenarios.put(operation + " 404", () -> http.method(method, UNKNOWN + suffix).token(api.newManagerToken()).send());
    }
}
