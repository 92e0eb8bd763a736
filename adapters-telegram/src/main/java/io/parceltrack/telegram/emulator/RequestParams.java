package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The parameters of one request to the emulator, read the one way for both the Bot API and the
 * control API: from the query string, a form body or a JSON body (form values that are JSON text,
 * such as {@code reply_markup}, are read as JSON). Typed getters refuse a missing or ill-typed
 * value with {@link IllegalArgumentException}, which each API turns into its own 400 answer.
 */
final class RequestParams {
    /** Bot API requests are small; a body beyond this is refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final ObjectNode values;

    private RequestParams(ObjectNode values) {
        this.values = values;
    }

    static RequestParams read(HttpExchange exchange, ObjectMapper json) throws IOException {
        ObjectNode params = json.createObjectNode();
        addForm(json, params, exchange.getRequestURI().getRawQuery());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.contains("json") && !text.isBlank()) {
            JsonNode parsed;
            try {
                parsed = json.readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException("request body is not valid JSON");
            }
            if (parsed instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (contentType.contains("x-www-form-urlencoded")) {
            addForm(json, params, text);
        }
        return new RequestParams(params);
    }

    private static void addForm(ObjectMapper json, ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            String trimmed = value.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    params.set(key, json.readTree(trimmed));
                    continue;
                } catch (IOException e) {
                    // not JSON after all: keep it as text
                }
            }
            params.put(key, value);
        }
    }

    boolean has(String name) {
        return values.hasNonNull(name);
    }

    /** The value as text, or {@code fallback} if absent. */
    String text(String name, String fallback) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /** The value as non-empty text. */
    String requiredText(String name) {
        String text = text(name, "");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" is required");
        }
        return text;
    }

    /** The value as a whole number (sent as a number or as text), or {@code fallback} if absent. */
    long number(String name, long fallback) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + name + "\" must be a whole number");
        }
    }

    boolean flag(String name, boolean fallback) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? fallback : value.asBoolean(fallback);
    }

    /** A nested JSON value (an array or object), or {@code null}. */
    JsonNode json(String name) {
        return values.get(name);
    }
}
