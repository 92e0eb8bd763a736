package io.parceltrack.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers, before it is written: status, headers and a body to write as JSON
 * ({@code null} for none). Keeping it a value lets the idempotency layer store and replay it.
 */
record ApiResponse(int status, Map<String, String> headers, Object body) {

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, Map.of(), body);
    }

    static ApiResponse created(Object body) {
        return new ApiResponse(201, Map.of(), body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }
}
