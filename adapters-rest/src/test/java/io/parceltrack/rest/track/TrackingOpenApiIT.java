package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.RunningTrackingPage.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.rest.OpenApiSpec;
import io.parceltrack.rest.RateLimitSettings;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON twin's OpenAPI document and the running routes say the same: the one operation is
 * documented with the real path, and every documented status is provoked here and answered with
 * the documented media type, and the body of a 200 has every required field.
 */
class TrackingOpenApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATION = "/track/{track_number}.json";
    private static RunningTrackingPage page;
    private static RunningTrackingPage limited;
    private static JsonNode document;
    private static TrackNumber parcel;

    @BeforeAll
    static void start() throws Exception {
        page = RunningTrackingPage.start();
        limited = RunningTrackingPage.start(settings -> settings.withRateLimit(new RateLimitSettings(0.001, 1)));
        parcel = page.parcel("Phone case", checkpoint("2026-03-01T09:30:00Z", "Moscow hub", "accepted", ParcelStatus.IN_TRANSIT));
        document = JSON.readTree(page.get(TrackingOpenApi.PATH).body());
    }

    @AfterAll
    static void stop() {
        page.close();
        limited.close();
    }

    @Test
    void servesAnOpenApi3DocumentWhoseReferencesAllResolve() {
        HttpResponse<String> served = page.get(TrackingOpenApi.PATH);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(OpenApiSpec.references(document)).isNotEmpty().allSatisfy(reference ->
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse());
    }

    @Test
    void theDocumentedOperationIsTheServedJsonRoute() {
        Set<String> documented = new TreeSet<>();
        new OpenApiSpec(document).operations().forEach(operation -> documented.add(normalised(operation)));
        Set<String> served = new TreeSet<>();
        page.server.endpoints().stream().filter(endpoint -> endpoint.startsWith("GET ") && endpoint.endsWith(".json")
                && !endpoint.endsWith(TrackingOpenApi.PATH)).forEach(endpoint -> served.add(normalised(endpoint)));

        assertThat(served).containsExactlyElementsOf(documented);
    }

    @Test
    void everyDocumentedStatusHasAScenario() {
        assertThat(scenarios().keySet()).containsExactlyInAnyOrderElementsOf(documentedStatuses().keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedStatusIsWhatTheRouteAnswersWithItsMediaType() {
        Map<Integer, Optional<String>> documented = documentedStatuses();
        return scenarios().entrySet().stream().map(scenario -> dynamicTest(scenario.getKey().toString(), () -> {
            HttpResponse<String> answer = scenario.getValue().get();

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(scenario.getKey());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(documented.get(scenario.getKey()));
        }));
    }

    @Test
    void aParcelHasEveryRequiredFieldAndOnlyDocumentedOnes() throws Exception {
        JsonNode schema = document.at("/components/schemas/PublicParcel");
        JsonNode body = JSON.readTree(page.get("/track/" + parcel + ".json").body());

        schema.get("required").forEach(field -> assertThat(body.has(field.asText())).as(field.asText()).isTrue());
        body.fieldNames().forEachRemaining(field -> assertThat(schema.get("properties").has(field)).as(field).isTrue());
        JsonNode checkpointSchema = document.at("/components/schemas/Checkpoint/properties");
        body.get("checkpoints").get(0).fieldNames()
                .forEachRemaining(field -> assertThat(checkpointSchema.has(field)).as(field).isTrue());
    }

    private static Map<Integer, Supplier<HttpResponse<String>>> scenarios() {
        Map<Integer, Supplier<HttpResponse<String>>> scenarios = new LinkedHashMap<>();
        String json = "/track/" + parcel + ".json";
        scenarios.put(200, () -> page.get(json));
        scenarios.put(301, () -> page.get("/track/" + parcel.value().toLowerCase() + ".json"));
        scenarios.put(304, () -> page.get(json, "If-None-Match", page.get(json).headers().firstValue("ETag").orElseThrow()));
        scenarios.put(400, () -> page.get("/track/NOT-A-NUMBER.json"));
        scenarios.put(404, () -> page.get("/track/ZZ000000000.json"));
        scenarios.put(429, () -> {
            limited.get("/track/ZZ000000001.json");
            return limited.get("/track/ZZ000000001.json");
        });
        scenarios.put(503, () -> {
            page.failure.set(() -> new UnavailableException("down", new ConnectException()));
            try {
                return page.get("/track/" + parcel + ".json?page=7");
            } finally {
                page.failure.set(null);
            }
        });
        return scenarios;
    }

    private static Map<Integer, Optional<String>> documentedStatuses() {
        return new OpenApiSpec(document).responses("GET " + OPERATION);
    }

    private static String normalised(String route) {
        return route.replaceAll("\\{[^}]+}", "{}");
    }
}
