package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/parcels} over real HTTP: each success and each refusal a route can give. */
class ParcelRoutesIT {
    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    @Test
    void createsAParcelAndPointsToIt() {
        String token = api.newManagerToken();

        HttpResponse<String> created = http.post("/api/v1/parcels", toJson(Payloads.newParcel())).token(token).send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        String trackNumber = json(created).get("parcel_track_number").asText();
        assertThat(trackNumber).matches("[A-Z]{2}[0-9]{9}");
        assertThat(json(created).size()).isEqualTo(1);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/parcels/" + trackNumber);
    }

    @Test
    void readsTheParcelWithExactlyTheSpecifiedFields() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> read = http.get("/api/v1/parcels/" + trackNumber).token(token).send();

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode parcel = json(read);
        List<String> fields = new ArrayList<>();
        parcel.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("parcel_track_number", "parcel_name", "parcel_recipient",
                "parcel_arrival_address", "parcel_forecast_date", "parcel_description", "parcel_status");
        assertThat(parcel.get("parcel_track_number").asText()).isEqualTo(trackNumber);
        assertThat(parcel.get("parcel_name").asText()).isEqualTo("Phone case");
        assertThat(parcel.get("parcel_recipient").asText()).isEqualTo("Ivan Petrov");
        assertThat(parcel.get("parcel_arrival_address").asText()).isEqualTo("Moscow, Tverskaya 1");
        assertThat(parcel.get("parcel_forecast_date").asText()).isEqualTo("2026-03-08T09:00:00Z");
        assertThat(parcel.get("parcel_description").asText()).isEqualTo("fragile: handle with care");
        assertThat(parcel.get("parcel_status").asText()).isEqualTo("PENDING");
    }

    @Test
    void acceptsATrackNumberTypedInLowerCaseWithBlanks() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> read = http.get("/api/v1/parcels/%20" + trackNumber.toLowerCase() + "%20").token(token).send();

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("parcel_track_number").asText()).isEqualTo(trackNumber);
    }

    @Test
    void descriptionIsOptionalAndReadBackAsNullAsDocumented() {
        String token = api.newManagerToken();
        HttpResponse<String> created = http.post("/api/v1/parcels",
                toJson(Payloads.without(Payloads.newParcel(), "parcel_description"))).token(token).send();
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> read = http.get(created.headers().firstValue("Location").orElseThrow()).token(token).send();

        assertThat(json(read).get("parcel_description").isNull()).as(read.body()).isTrue();
    }

    @Test
    void namesEveryInvalidFieldAsTheClientSentIt() {
        String token = api.newManagerToken();
        Map<String, Object> body = Payloads.newParcel();
        body.put("parcel_name", "x");
        body.put("parcel_recipient", 42);
        body.remove("parcel_arrival_address");
        body.put("parcel_forecast_date", "next tuesday");
        body.put("parcel_description", "d".repeat(256));

        HttpResponse<String> refused = http.post("/api/v1/parcels", toJson(body)).token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused).keySet()).containsExactly("parcel_name", "parcel_recipient",
                "parcel_arrival_address", "parcel_forecast_date", "parcel_description");
        assertThat(fieldErrors(refused).get("parcel_recipient")).isEqualTo("must be a string, got a number");
        assertThat(fieldErrors(refused).get("parcel_arrival_address")).startsWith("is required");
        assertThat(fieldErrors(refused).get("parcel_forecast_date")).contains("RFC 3339");
    }

    @Test
    void refusesUnknownFieldsByName() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = http.post("/api/v1/parcels",
                toJson(Payloads.with(Payloads.newParcel(), "parcel_weight", 3))).token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("parcel_weight");
        assertThat(api.parcelService.listOwnParcels(api.accountService.authenticate(token),
                io.parceltrack.domain.paging.PageRequest.firstDefault()).items()).isEmpty();
    }

    @Test
    void refusesAForecastDateOutsideTheSupportedYears() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = http.post("/api/v1/parcels",
                toJson(Payloads.with(Payloads.newParcel(), "parcel_forecast_date", "1999-12-31T23:59:59Z")))
                .token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("parcel_forecast_date");
    }

    @Test
    void refusesAMalformedTrackNumberAsInvalidRatherThanNotFound() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = http.get("/api/v1/parcels/VF83434918").token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("track-number");
    }

    @Test
    void answersNotFoundForAnAbsentParcel() {
        String token = api.newManagerToken();

        assertProblem(http.get("/api/v1/parcels/ZZ000000000").token(token).send(), 404,
                "urn:parceltrack:problem:not-found");
        assertProblem(http.delete("/api/v1/parcels/ZZ000000000").token(token).send(), 404,
                "urn:parceltrack:problem:not-found");
    }

    @Test
    void forbidsReadingOrDeletingAnotherManagersParcel() {
        String owner = api.newManagerToken();
        String stranger = api.newManagerToken();
        String trackNumber = http.createParcel(owner);

        assertProblem(http.get("/api/v1/parcels/" + trackNumber).token(stranger).send(), 403,
                "urn:parceltrack:problem:forbidden");
        assertProblem(http.delete("/api/v1/parcels/" + trackNumber).token(stranger).send(), 403,
                "urn:parceltrack:problem:forbidden");
        assertThat(http.get("/api/v1/parcels/" + trackNumber).token(owner).send().statusCode()).isEqualTo(200);
    }

    @Test
    void deletesAParcelWhichIsThenGone() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> deleted = http.delete("/api/v1/parcels/" + trackNumber).token(token).send();

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(http.get("/api/v1/parcels/" + trackNumber).token(token).send(), 404,
                "urn:parceltrack:problem:not-found");
    }

    @Test
    void listsOnlyOwnParcelsNewestFirstInPagesLinkedToEachOther() {
        String token = api.newManagerToken();
        http.createParcel(api.newManagerToken());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(http.createParcel(token));
        }

        HttpResponse<String> first = http.get("/api/v1/parcels?page=1&page_size=2").token(token).send();
        HttpResponse<String> last = http.get("/api/v1/parcels?page=3&page_size=2").token(token).send();
        HttpResponse<String> all = http.get("/api/v1/parcels").token(token).send();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(trackNumbers(first)).hasSize(2);
        assertThat(first.headers().firstValue("Link"))
                .hasValue("</api/v1/parcels?page=2&page_size=2>; rel=\"next\"");
        assertThat(trackNumbers(last)).hasSize(1);
        assertThat(last.headers().firstValue("Link"))
                .hasValue("</api/v1/parcels?page=2&page_size=2>; rel=\"prev\"");
        assertThat(trackNumbers(all)).containsExactlyInAnyOrderElementsOf(created);
        assertThat(trackNumbers(all).get(0)).isEqualTo(created.get(created.size() - 1));
    }

    @Test
    void refusesBadPagingParametersNamingEachOne() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = http.get("/api/v1/parcels?page=0&page_size=abc&pagesize=5").token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("page", "page_size", "pagesize");
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> head = http.method("HEAD", "/api/v1/parcels/" + trackNumber).token(token).send();
        HttpResponse<String> anonymous = http.method("HEAD", "/api/v1/parcels/" + trackNumber).send();

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    static Map<String, String> fieldErrors(HttpResponse<String> response) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        json(response).path("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }

    private static List<String> trackNumbers(HttpResponse<String> list) {
        List<String> numbers = new ArrayList<>();
        json(list).forEach(parcel -> numbers.add(parcel.get("parcel_track_number").asText()));
        return numbers;
    }
}
