package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small client for the tests: builds requests to a {@link RunningApi} and reads answers as JSON. */
final class HttpCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningApi api;

    HttpCalls(RunningApi api) {
        this.api = api;
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call delete(String path) {
        return new Call("DELETE", path);
    }

    Call post(String path, String jsonBody) {
        return new Call("POST", path).header("Content-Type", "application/json").body(jsonBody);
    }

    Call method(String method, String path) {
        return new Call(method, path);
    }

    /** Creates a valid parcel for the manager holding {@code token}; returns its track number. */
    String createParcel(String token) {
        HttpResponse<String> created = post("/api/v1/parcels", toJson(Payloads.newParcel())).token(token).send();
        if (created.statusCode() != 201) {
            throw new AssertionError("could not create a parcel: " + created.statusCode() + " " + created.body());
        }
        return json(created).get("parcel_track_number").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Call body(byte[] bytes) {
            body = bytes;
            return this;
        }

        Call withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(20))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            try {
                return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
