package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.parceltrack.port.out.UnavailableException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI document and the running server describe the same API: every route is documented,
 * every documented route exists, and every documented status is one the route really answers,
 * with the documented media type and a body that fits the documented schema. Each documented status
 * has a scenario here that provokes it.
 */
class OpenApiContractIT {
    private static final Set<String> UNDOCUMENTED_UI_ROUTES = Set.of("GET /", "GET /swagger", "GET /swagger/{asset}");

    private static RunningApi api;
    private static RunningApi limited;
    private static RunningApi down;
    private static RunningApi broken;
    private static RunningApi notReady;
    private static OpenApiSpec spec;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        limited = RunningApi.with().clock(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")))
                .settings(settings -> settings.withRateLimit(new RateLimitSettings(0.001, 1))).start();
        Supplier<RuntimeException> unavailable =
                () -> new UnavailableException("the parcels service is unavailable", new ConnectException());
        down = RunningApi.with().parcelUseCases(real -> ForwardingParcelUseCases.failingWith(real, unavailable))
                .webhookUseCases(real -> new FailingWebhookUseCases(real, unavailable)).start();
        Supplier<RuntimeException> bug = () -> new IllegalStateException("a bug");
        broken = RunningApi.with().parcelUseCases(real -> ForwardingParcelUseCases.failingWith(real, bug))
                .webhookUseCases(real -> new FailingWebhookUseCases(real, bug)).start();
        notReady = RunningApi.with().readiness(Map.of("parcels", () -> false)).start();
        spec = new OpenApiSpec(json(new HttpCalls(api).get("/api/v1/openapi.json").send()));
    }

    @AfterAll
    static void stop() {
        for (RunningApi running : new RunningApi[] {api, limited, down, broken, notReady}) {
            running.close();
        }
    }

    @Test
    void servesAnOpenApi3DocumentWhoseReferencesAllResolve() {
        HttpResponse<String> served = new HttpCalls(api).get("/api/v1/openapi.json").send();

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode document = json(served);
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("info").get("title").asText()).isNotBlank();
        List<String> references = OpenApiSpec.references(document);
        assertThat(references).isNotEmpty().allSatisfy(reference ->
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> served = new TreeSet<>(api.server.endpoints());
        served.removeIf(endpoint -> endpoint.startsWith("HEAD ") || UNDOCUMENTED_UI_ROUTES.contains(endpoint));

        assertThat(served).containsExactlyInAnyOrderElementsOf(spec.operations());
    }

    @Test
    void everyGetRouteAnswersHeadToo() {
        List<String> endpoints = api.server.endpoints();

        assertThat(endpoints.stream().filter(endpoint -> endpoint.startsWith("GET ")))
                .allSatisfy(get -> assertThat(endpoints).contains("HEAD " + get.substring(4)));
    }

    @Test
    void everyDocumentedStatusHasAScenarioAndNoScenarioIsUndocumented() {
        assertThat(scenarios().keySet()).containsExactlyInAnyOrderElementsOf(spec.operationStatuses());
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedStatusIsWhatTheRouteReallyAnswers() {
        return scenarios().entrySet().stream().map(scenario -> dynamicTest(scenario.getKey(), () -> {
            String[] parts = scenario.getKey().split(" ");
            String operation = parts[0] + " " + parts[1];
            int documentedStatus = Integer.parseInt(parts[2]);
            Optional<String> documentedMediaType = spec.responses(operation).get(documentedStatus);

            HttpResponse<String> answer = scenario.getValue().get();

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(documentedStatus);
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(documentedMediaType);
            assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
            if (documentedStatus >= 400) {
                assertThat(json(answer).get("status").asInt()).isEqualTo(documentedStatus);
            }
            Optional<JsonNode> schema = spec.responseSchema(operation, documentedStatus);
            if (schema.isPresent()) {
                assertThat(spec.violations(json(answer), schema.get())).as("the body against the documented schema: "
                        + answer.body()).isEmpty();
            }
        }));
    }

    @Test
    void swaggerUiServesItsPageAndEveryAssetThePageUses() {
        HttpCalls http = new HttpCalls(api);
        HttpResponse<String> page = http.get("/swagger").send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Matcher assets = Pattern.compile("(?:href|src)=\"(/swagger/[^\"]+)\"").matcher(page.body());
        List<String> referenced = new ArrayList<>();
        while (assets.find()) {
            referenced.add(assets.group(1));
        }
        assertThat(referenced).contains("/swagger/swagger-ui-bundle.js", "/swagger/swagger-initializer.js");
        assertThat(referenced).allSatisfy(asset -> assertThat(http.get(asset).send().statusCode()).as(asset).isEqualTo(200));
        assertThat(http.get("/swagger/swagger-initializer.js").send().body()).contains("\"/api/v1/openapi.json\"");
    }

    @Test
    void swaggerUiServesNothingBeyondItsAssets() {
        HttpCalls http = new HttpCalls(api);

        for (String path : List.of("/swagger/index.html", "/swagger/pom.properties", "/swagger/..%2Fopenapi.json")) {
            HttpResponse<String> refused = http.get(path).send();
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    // --- scenarios: one request per documented (operation, status)

    private static Map<String, Supplier<HttpResponse<String>>> scenarios() {
        Map<String, Supplier<HttpResponse<String>>> scenarios = new LinkedHashMap<>();
        HttpCalls http = new HttpCalls(api);
        String parcels = "/api/v1/parcels";
        String parcel = "/api/v1/parcels/{track-number}";
        String checkpoints = "/api/v1/parcels/{track-number}/checkpoints";
        String newCheckpoint = "/api/v1/checkpoints";

        scenarios.put("POST " + parcels + " 201",
                () -> http.post(parcels, toJson(Payloads.newParcel())).token(api.newManagerToken()).send());
        scenarios.put("POST " + parcels + " 400", () -> http.post(parcels, "{}").token(api.newManagerToken()).send());
        scenarios.put("POST " + parcels + " 401", () -> http.post(parcels, toJson(Payloads.newParcel())).send());
        scenarios.put("POST " + parcels + " 409", OpenApiContractIT::creationWhileTheSameKeyRuns);
        scenarios.put("POST " + parcels + " 413", () -> http.post(parcels, tooLargeBody()).token(api.newManagerToken()).send());
        scenarios.put("POST " + parcels + " 415", () -> http.post(parcels, toJson(Payloads.newParcel()))
                .header("Content-Type", "text/plain").token(api.newManagerToken()).send());
        scenarios.put("POST " + parcels + " 422", () -> keyReused(http, parcels, toJson(Payloads.newParcel()),
                toJson(Payloads.with(Payloads.newParcel(), "parcel_name", "Other"))));
        putFailures(scenarios, "POST " + parcels,
                (calls, token) -> calls.post(parcels, toJson(Payloads.newParcel())).token(token).send());

        scenarios.put("GET " + parcels + " 200", () -> http.get(parcels).token(api.newManagerToken()).send());
        scenarios.put("GET " + parcels + " 400", () -> http.get(parcels + "?page=0").token(api.newManagerToken()).send());
        scenarios.put("GET " + parcels + " 401", () -> http.get(parcels).send());
        putFailures(scenarios, "GET " + parcels, (calls, token) -> calls.get(parcels).token(token).send());

        putParcelRoute(scenarios, "GET", parcel, "", 200);
        putParcelRoute(scenarios, "DELETE", parcel, "", 204);
        putParcelRoute(scenarios, "GET", checkpoints, "/checkpoints", 200);

        scenarios.put("POST " + newCheckpoint + " 201", () -> {
            String token = api.newManagerToken();
            return http.post(newCheckpoint, toJson(Payloads.newCheckpoint(http.createParcel(token)))).token(token).send();
        });
        scenarios.put("POST " + newCheckpoint + " 400", () -> http.post(newCheckpoint, "{\"checkpoint_parcel_status\":\"LOST\"}")
                .token(api.newManagerToken()).send());
        scenarios.put("POST " + newCheckpoint + " 401", () -> http.post(newCheckpoint, "{}").send());
        scenarios.put("POST " + newCheckpoint + " 403", () -> http.post(newCheckpoint,
                toJson(Payloads.newCheckpoint(http.createParcel(api.newManagerToken())))).token(api.newManagerToken()).send());
        scenarios.put("POST " + newCheckpoint + " 404", () -> http.post(newCheckpoint,
                toJson(Payloads.newCheckpoint("ZZ999999999"))).token(api.newManagerToken()).send());
        scenarios.put("POST " + newCheckpoint + " 409", () -> {
            String token = api.newManagerToken();
            String trackNumber = http.createParcel(token);
            http.post(newCheckpoint, toJson(Payloads.newCheckpoint(trackNumber, Instant.now().minusSeconds(60), "CANCELED")))
                    .token(token).send();
            return http.post(newCheckpoint, toJson(Payloads.newCheckpoint(trackNumber))).token(token).send();
        });
        scenarios.put("POST " + newCheckpoint + " 413", () -> http.post(newCheckpoint, tooLargeBody()).token(api.newManagerToken()).send());
        scenarios.put("POST " + newCheckpoint + " 415", () -> http.post(newCheckpoint, "{}")
                .header("Content-Type", "application/xml").token(api.newManagerToken()).send());
        scenarios.put("POST " + newCheckpoint + " 422", () -> {
            String token = api.newManagerToken();
            String trackNumber = http.createParcel(token);
            String key = UUID.randomUUID().toString();
            http.post(newCheckpoint, toJson(Payloads.newCheckpoint(trackNumber))).token(token).header("Idempotency-Key", key).send();
            return http.post(newCheckpoint, toJson(Payloads.newCheckpoint(trackNumber, Instant.now(), "PENDING")))
                    .token(token).header("Idempotency-Key", key).send();
        });
        putFailures(scenarios, "POST " + newCheckpoint, (calls, token) ->
                calls.post(newCheckpoint, toJson(Payloads.newCheckpoint("ZZ999999998"))).token(token).send());

        WebhookScenarios.put(scenarios, api);
        putWebhookFailures(scenarios);

        scenarios.put("GET /api/v1/openapi.json 200", () -> http.get("/api/v1/openapi.json").send());
        scenarios.put("GET /health/live 200", () -> http.get("/health/live").send());
        scenarios.put("GET /health/ready 200", () -> http.get("/health/ready").send());
        scenarios.put("GET /health/ready 503", () -> new HttpCalls(notReady).get("/health/ready").send());
        return scenarios;
    }

    /** 200/204, 400, 401, 403, 404 and the failures of a route under {@code /parcels/{track-number}}. */
    private static void putParcelRoute(Map<String, Supplier<HttpResponse<String>>> scenarios, String method,
            String template, String suffix, int success) {
        String operation = method + " " + template;
        HttpCalls http = new HttpCalls(api);
        scenarios.put(operation + " " + success, () -> {
            String token = api.newManagerToken();
            return http.method(method, "/api/v1/parcels/" + http.createParcel(token) + suffix).token(token).send();
        });
        scenarios.put(operation + " 400", () -> http.method(method, "/api/v1/parcels/12345" + suffix)
                .token(api.newManagerToken()).send());
        scenarios.put(operation + " 401", () -> http.method(method, "/api/v1/parcels/ZZ123456789" + suffix).send());
        scenarios.put(operation + " 403", () -> http.method(method,
                "/api/v1/parcels/" + http.createParcel(api.newManagerToken()) + suffix).token(api.newManagerToken()).send());
        scenarios.put(operation + " 404", () -> http.method(method, "/api/v1/parcels/ZZ123456789" + suffix)
                .token(api.newManagerToken()).send());
        putFailures(scenarios, operation,
                (calls, token) -> calls.method(method, "/api/v1/parcels/ZZ123456789" + suffix).token(token).send());
    }

    /** 429, 500 and 503: the same valid request sent to the rate-limited, broken and unavailable servers. */
    private static void putFailures(Map<String, Supplier<HttpResponse<String>>> scenarios, String operation,
            BiFunction<HttpCalls, String, HttpResponse<String>> validRequest) {
        scenarios.put(operation + " 429", () -> {
            String token = limited.newManagerToken();
            HttpCalls calls = new HttpCalls(limited);
            calls.get("/api/v1/parcels").token(token).send();
            return validRequest.apply(calls, token);
        });
        scenarios.put(operation + " 500", () -> validRequest.apply(new HttpCalls(broken), broken.newManagerToken()));
        scenarios.put(operation + " 503", () -> validRequest.apply(new HttpCalls(down), down.newManagerToken()));
    }

    /** 429, 500 and 503 of every webhook route, with a valid request. */
    private static void putWebhookFailures(Map<String, Supplier<HttpResponse<String>>> scenarios) {
        String unknown = "/api/v1/webhooks/ep_00000000000000000000000000000000";
        putFailures(scenarios, "POST " + WebhookScenarios.COLLECTION,
                (calls, token) -> calls.post(WebhookScenarios.COLLECTION, WebhookScenarios.NEW_WEBHOOK).token(token).send());
        putFailures(scenarios, "GET " + WebhookScenarios.COLLECTION,
                (calls, token) -> calls.get(WebhookScenarios.COLLECTION).token(token).send());
        putFailures(scenarios, "GET " + WebhookScenarios.ITEM, (calls, token) -> calls.get(unknown).token(token).send());
        putFailures(scenarios, "DELETE " + WebhookScenarios.ITEM, (calls, token) -> calls.delete(unknown).token(token).send());
        putFailures(scenarios, "POST " + WebhookScenarios.ITEM + "/rotate-secret",
                (calls, token) -> calls.method("POST", unknown + "/rotate-secret").token(token).send());
        putFailures(scenarios, "POST " + WebhookScenarios.ITEM + "/test",
                (calls, token) -> calls.method("POST", unknown + "/test").token(token).send());
        putFailures(scenarios, "GET " + WebhookScenarios.ITEM + "/deliveries",
                (calls, token) -> calls.get(unknown + "/deliveries").token(token).send());
    }

    private static HttpResponse<String> keyReused(HttpCalls http, String path, String first, String second) {
        String token = api.newManagerToken();
        String key = UUID.randomUUID().toString();
        http.post(path, first).token(token).header("Idempotency-Key", key).send();
        return http.post(path, second).token(token).header("Idempotency-Key", key).send();
    }

    private static String tooLargeBody() {
        return toJson(Payloads.with(Payloads.newParcel(), "parcel_description", "x".repeat(70 * 1024)));
    }

    private static HttpResponse<String> creationWhileTheSameKeyRuns() {
        HeldParcelCreation[] held = new HeldParcelCreation[1];
        try (RunningApi slow = RunningApi.with().parcelUseCases(real -> held[0] = new HeldParcelCreation(real)).start()) {
            HttpCalls http = new HttpCalls(slow);
            String token = slow.newManagerToken();
            String body = toJson(Payloads.newParcel());
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> http.post("/api/v1/parcels", body).token(token).header("Idempotency-Key", "same").send());
            held[0].awaitHeldCreation();
            HttpResponse<String> second = http.post("/api/v1/parcels", body).token(token).header("Idempotency-Key", "same").send();
            held[0].release();
            first.get(20, TimeUnit.SECONDS);
            return second;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
