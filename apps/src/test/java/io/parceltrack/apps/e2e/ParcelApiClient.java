package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A manager's own system calling the REST API v1 with the manager's API token. */
final class ParcelApiClient {
    private final HttpClient http;
    private final ObjectMapper json;
    private final String apiBase;
    private final String token;
    /** The W3C traceparent every call continues; {@code null}: none (the API starts a trace per call). */
    private final String traceparent;

    /** {@code apiBase} as the manager bot shows it, e.g. {@code http://127.0.0.1:8080/api/v1}. */
    ParcelApiClient(HttpClient http, ObjectMapper json, String apiBase, String token) {
        this(http, json, apiBase, token, null);
    }

    private ParcelApiClient(HttpClient http, ObjectMapper json, String apiBase, String token, String traceparent) {
        this.http = http;
        this.json = json;
        this.apiBase = apiBase.replaceAll("/+$", "");
        this.token = token;
        this.traceparent = traceparent;
    }

    /** The same client, its calls made within the trace {@code traceparent} names, as a traced system's would be. */
    ParcelApiClient within(String traceparent) {
        return new ParcelApiClient(http, json, apiBase, token, traceparent);
    }

    /** Creates a parcel due in a week; returns its track number. */
    String createsParcel(String name, String recipient, String address) {
        ObjectNode parcel = json.createObjectNode()
                .put("parcel_name", name)
                .put("parcel_recipient", recipient)
                .put("parcel_arrival_address", address)
                .put("parcel_forecast_date", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("parcel_description", "");
        JsonNode created = call("POST", "/parcels", parcel, 201);
        return created.path("parcel_track_number").asText();
    }

    /** Posts a checkpoint dated now; returns the answer (the checkpoint and the parcel's new status). */
    JsonNode postsCheckpoint(String trackNumber, String status, String place, String description) {
        ObjectNode checkpoint = json.createObjectNode()
                .put("parcel_track_number", trackNumber)
                .put("checkpoint_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("checkpoint_place", place)
                .put("checkpoint_description", description)
                .put("checkpoint_parcel_status", status);
        return call("POST", "/checkpoints", checkpoint, 201);
    }

    JsonNode parcel(String trackNumber) {
        return call("GET", "/parcels/" + trackNumber, null, 200);
    }

    private JsonNode call(String method, String path, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + apiBase + path + " answered " + response.body())
                    .isEqualTo(expectedStatus);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + apiBase + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
