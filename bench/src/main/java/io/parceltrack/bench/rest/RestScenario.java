package io.parceltrack.bench.rest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;

/**
 * One kind of request the harness repeats, and the status that counts as success. Track numbers
 * come round-robin from parcels created before the measurement.
 */
record RestScenario(String name, int expectedStatus, RequestSource requests) {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @FunctionalInterface
    interface RequestSource {
        /** The {@code sequence}-th request of one worker. */
        HttpRequest request(long sequence);
    }

    static final String NEW_PARCEL_JSON = """
            {"parcel_name":"Phone case","parcel_recipient":"Anna Smirnova",\
            "parcel_arrival_address":"Kazan, Bauman st. 1, apt. 12","parcel_forecast_date":"2030-12-10T12:00:00Z",\
            "parcel_description":"blue, fragile"}""";

    static RestScenario healthLive(URI base) {
        HttpRequest live = HttpRequest.newBuilder(base.resolve("/health/live")).timeout(REQUEST_TIMEOUT).GET().build();
        return new RestScenario("GET /health/live (reference)", 200, sequence -> live);
    }

    static RestScenario createParcel(URI base) {
        HttpRequest create = authorized(base.resolve("/api/v1/parcels"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(NEW_PARCEL_JSON))
                .build();
        return new RestScenario("POST /api/v1/parcels", 201, sequence -> create);
    }

    static RestScenario getParcel(URI base, List<String> trackNumbers) {
        List<HttpRequest> reads = trackNumbers.stream()
                .map(trackNumber -> authorized(base.resolve("/api/v1/parcels/" + trackNumber)).GET().build())
                .toList();
        return new RestScenario("GET /api/v1/parcels/{tn}", 200, sequence -> reads.get((int) (sequence % reads.size())));
    }

    static RestScenario addCheckpoint(URI base, List<String> trackNumbers, String checkpointTime) {
        List<HttpRequest> posts = trackNumbers.stream()
                .map(trackNumber -> authorized(base.resolve("/api/v1/checkpoints"))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString("""
                                {"parcel_track_number":"%s","checkpoint_time":"%s",\
                                "checkpoint_place":"Sorting centre, Kazan","checkpoint_description":"arrived",\
                                "checkpoint_parcel_status":"IN_TRANSIT"}""".formatted(trackNumber, checkpointTime)))
                        .build())
                .toList();
        return new RestScenario("POST /api/v1/checkpoints", 201, sequence -> posts.get((int) (sequence % posts.size())));
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + StandaloneProcess.API_TOKEN);
    }
}
