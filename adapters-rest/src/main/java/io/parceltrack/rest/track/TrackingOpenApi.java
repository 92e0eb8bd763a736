package io.parceltrack.rest.track;

import io.javalin.http.Context;

/**
 * The OpenAPI 3 document of the JSON twin, written by hand like the manager API's, served at
 * {@value #PATH}; a test holds it and the real routes to each other.
 */
final class TrackingOpenApi {
    static final String PATH = TrackingPage.ROOT + "/openapi.json";
    static final String RESOURCE = "tracking-openapi.json";

    private final byte[] document = PageAssets.load(RESOURCE);

    void serve(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*").header("Cache-Control", "public, max-age=3600")
                .contentType(TrackingJson.MEDIA_TYPE).result(document);
    }
}
