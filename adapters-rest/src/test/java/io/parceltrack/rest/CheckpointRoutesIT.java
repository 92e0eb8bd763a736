package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static io.parceltrack.rest.ParcelRoutesIT.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/checkpoints} and {@code GET /api/v1/parcels/{track-number}/checkpoints} over real HTTP. */
class CheckpointRoutesIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    private HttpResponse<String> post(String token, Map<String, Object> checkpoint) {
        return http.post("/api/v1/checkpoints", toJson(checkpoint)).token(token).send();
    }

    @Test
    void recordsACheckpointAndAnswersWithTheParcelsNewStatus() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> recorded = post(token, Payloads.newCheckpoint(trackNumber, NOW.minusSeconds(60), "in_transit"));

        assertThat(recorded.statusCode()).isEqualTo(201);
        JsonNode body = json(recorded);
        assertThat(body.get("parcel_track_number").asText()).isEqualTo(trackNumber);
        assertThat(body.get("checkpoint_time").asText()).isEqualTo(NOW.minusSeconds(60).toString());
        assertThat(body.get("checkpoint_place").asText()).isEqualTo("Sorting centre, Kazan");
        assertThat(body.get("checkpoint_description").asText()).isEqualTo("arrived");
        assertThat(body.get("checkpoint_parcel_status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(body.get("parcel_status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(json(http.get("/api/v1/parcels/" + trackNumber).token(token).send()).get("parcel_status").asText())
                .isEqualTo("IN_TRANSIT");
    }

    @Test
    void anOlderCheckpointJoinsTheHistoryWithoutChangingTheStatus() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        post(token, Payloads.newCheckpoint(trackNumber, NOW.minusSeconds(60), "IN_TRANSIT"));

        HttpResponse<String> older = post(token, Payloads.newCheckpoint(trackNumber, NOW.minusSeconds(3600), "PENDING"));

        assertThat(older.statusCode()).isEqualTo(201);
        assertThat(json(older).get("checkpoint_parcel_status").asText()).isEqualTo("PENDING");
        assertThat(json(older).get("parcel_status").asText()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void listsCheckpointsNewestFirstInLinkedPages() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        for (int hoursAgo = 5; hoursAgo >= 1; hoursAgo--) {
            post(token, Payloads.newCheckpoint(trackNumber, NOW.minus(Duration.ofHours(hoursAgo)), "IN_TRANSIT"));
        }

        HttpResponse<String> first = http.get("/api/v1/parcels/" + trackNumber + "/checkpoints?page_size=2").token(token).send();
        HttpResponse<String> all = http.get("/api/v1/parcels/" + trackNumber + "/checkpoints").token(token).send();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).size()).isEqualTo(2);
        assertThat(first.headers().firstValue("Link")).hasValue(
                "</api/v1/parcels/" + trackNumber + "/checkpoints?page=2&page_size=2>; rel=\"next\"");
        List<String> times = new ArrayList<>();
        json(all).forEach(checkpoint -> times.add(checkpoint.get("checkpoint_time").asText()));
        assertThat(times).containsExactly(
                NOW.minus(Duration.ofHours(1)).toString(), NOW.minus(Duration.ofHours(2)).toString(),
                NOW.minus(Duration.ofHours(3)).toString(), NOW.minus(Duration.ofHours(4)).toString(),
                NOW.minus(Duration.ofHours(5)).toString());
        JsonNode newest = json(all).get(0);
        assertThat(newest.get("parcel_track_number").asText()).isEqualTo(trackNumber);
        assertThat(newest.get("checkpoint_parcel_status").asText()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void refusesACheckpointAfterAFinalStatusAsAConflict() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        assertThat(post(token, Payloads.newCheckpoint(trackNumber, NOW.minusSeconds(60), "DELIVERED")).statusCode())
                .isEqualTo(201);

        HttpResponse<String> refused = post(token, Payloads.newCheckpoint(trackNumber, NOW, "IN_TRANSIT"));

        assertProblem(refused, 409, "urn:parceltrack:problem:conflict");
        assertThat(json(refused).get("detail").asText()).contains("DELIVERED");
    }

    @Test
    void forbidsCheckpointsOnAnotherManagersParcel() {
        String owner = api.newManagerToken();
        String stranger = api.newManagerToken();
        String trackNumber = http.createParcel(owner);

        assertProblem(post(stranger, Payloads.newCheckpoint(trackNumber)), 403, "urn:parceltrack:problem:forbidden");
        assertProblem(http.get("/api/v1/parcels/" + trackNumber + "/checkpoints").token(stranger).send(), 403,
                "urn:parceltrack:problem:forbidden");
    }

    @Test
    void answersNotFoundForCheckpointsOfAnAbsentParcel() {
        String token = api.newManagerToken();

        assertProblem(post(token, Payloads.newCheckpoint("ZZ000000001")), 404, "urn:parceltrack:problem:not-found");
        assertProblem(http.get("/api/v1/parcels/ZZ000000001/checkpoints").token(token).send(), 404,
                "urn:parceltrack:problem:not-found");
    }

    @Test
    void namesEveryInvalidCheckpointFieldAsTheClientSentIt() {
        String token = api.newManagerToken();
        Map<String, Object> body = Payloads.newCheckpoint("not-a-track-number", NOW, "UNKNOWN");
        body.put("checkpoint_time", "2026-02-30T10:00:00Z");
        body.put("checkpoint_place", "line\nbreak");
        body.put("checkpoint_description", List.of("an", "array"));

        HttpResponse<String> refused = post(token, body);

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("parcel_track_number", "checkpoint_time", "checkpoint_place",
                "checkpoint_description", "checkpoint_parcel_status");
    }

    @Test
    void reportsATimeTooFarAheadTogetherWithABadStatus() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> refused = post(token, Payloads.newCheckpoint(trackNumber, NOW.plus(Duration.ofDays(3)), "LOST"));

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("checkpoint_time", "checkpoint_parcel_status");
        assertThat(fieldErrors(refused).get("checkpoint_time")).contains("hours in the future");
    }

    @Test
    void answersWithTheTimesFractionAsGivenAndNullForTextsLeftOut() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        Map<String, Object> body = Payloads.newCheckpoint(trackNumber, NOW, "IN_TRANSIT");
        body.put("checkpoint_time", NOW.minusSeconds(60).toString().replace("Z", ".5+00:00"));
        body.remove("checkpoint_place");
        body.remove("checkpoint_description");

        JsonNode recorded = json(post(token, body));
        JsonNode listed = json(http.get("/api/v1/parcels/" + trackNumber + "/checkpoints").token(token).send()).get(0);

        String expectedTime = NOW.minusSeconds(60).toString().replace("Z", ".5Z");
        for (JsonNode checkpoint : List.of(recorded, listed)) {
            assertThat(checkpoint.get("checkpoint_time").asText()).isEqualTo(expectedTime);
            assertThat(checkpoint.get("checkpoint_place").isNull()).as(checkpoint.toString()).isTrue();
            assertThat(checkpoint.get("checkpoint_description").isNull()).as(checkpoint.toString()).isTrue();
        }
    }

    @Test
    void refusesACheckpointDatedMoreThanADayAheadNamingItsTime() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);

        HttpResponse<String> refused = post(token,
                Payloads.newCheckpoint(trackNumber, NOW.plus(Duration.ofHours(25)), "IN_TRANSIT"));

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("checkpoint_time");
    }

    @Test
    void refusesBadPagingAndABadTrackNumberTogether() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = http.get("/api/v1/parcels/XX/checkpoints?page=-1&page_size=101").token(token).send();

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("track-number", "page", "page_size");
    }
}
