package io.parceltrack.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written OpenAPI 3 description of the API, served at {@value #PATH}. It is written by
 * hand so that it says what we promise rather than what an annotation scanner guessed; a test
 * holds it and the real routes to each other.
 */
final class OpenApiDocument {
    static final String PATH = ManagerApi.API_BASE + "/openapi.json";
    static final String RESOURCE = "/io/parceltrack/rest/openapi.json";

    private final String document;

    OpenApiDocument() {
        this.document = load();
    }

    void serve(Context ctx) {
        ctx.contentType(JsonRequestBody.MEDIA_TYPE).result(document);
    }

    static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
