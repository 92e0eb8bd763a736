package io.parceltrack.rest;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@value #PATH}, from the {@code org.webjars:swagger-ui} jar, showing our OpenAPI
 * document. Only the few files the page needs are served, by name, so nothing else of the
 * classpath can be fetched through here.
 */
final class SwaggerUi {
    static final String PATH = "/swagger";
    static final String ASSET_PATH = PATH + "/{asset}";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String INITIALIZER = "swagger-initializer.js";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "index.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>ParcelTrack manager API v1</title>
              <link rel="stylesheet" type="text/css" href="/swagger/swagger-ui.css">
              <link rel="stylesheet" type="text/css" href="/swagger/index.css">
              <link rel="icon" type="image/png" href="/swagger/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/swagger/swagger-ui-bundle.js" charset="UTF-8"></script>
              <script src="/swagger/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
              <script src="/swagger/swagger-initializer.js" charset="UTF-8"></script>
            </body>
            </html>
            """;

    private static final String INITIALIZER_SCRIPT = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "%s",
                dom_id: "#swagger-ui",
                deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "StandaloneLayout"
              });
            };
            """.formatted(OpenApiDocument.PATH);

    private final String webjarRoot;

    SwaggerUi() {
        this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    /** The server's root: newcomers who open it land on the API's documentation. */
    void root(Context ctx) {
        ctx.redirect(PATH, io.javalin.http.HttpStatus.FOUND);
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(PAGE);
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (INITIALIZER.equals(name)) {
            ctx.contentType("text/javascript; charset=utf-8").result(INITIALIZER_SCRIPT);
            return;
        }
        String contentType = ASSETS.get(name);
        InputStream content = contentType == null ? null : SwaggerUi.class.getResourceAsStream(webjarRoot + name);
        if (content == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "public, max-age=86400").contentType(contentType).result(content);
    }

    /** The webjar's version, read from the jar itself so the pom stays the one place that pins it. */
    private static String webjarVersion() {
        try (InputStream in = SwaggerUi.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_PROPERTIES, e);
        }
    }
}
