package io.parceltrack.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid request bodies, as mutable maps a test can spoil one field at a time. */
final class Payloads {
    private Payloads() {}

    static Map<String, Object> newParcel() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parcel_name", "Phone case");
        body.put("parcel_recipient", "Ivan Petrov");
        body.put("parcel_arrival_address", "Moscow, Tverskaya 1");
        body.put("parcel_forecast_date", "2026-03-08T12:00:00+03:00");
        body.put("parcel_description", "fragile: handle with care");
        return body;
    }

    static Map<String, Object> newCheckpoint(String trackNumber) {
        return newCheckpoint(trackNumber, Instant.now().minus(1, ChronoUnit.HOURS), "IN_TRANSIT");
    }

    static Map<String, Object> newCheckpoint(String trackNumber, Instant time, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parcel_track_number", trackNumber);
        body.put("checkpoint_time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("checkpoint_place", "Sorting centre, Kazan");
        body.put("checkpoint_description", "arrived");
        body.put("checkpoint_parcel_status", status);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
