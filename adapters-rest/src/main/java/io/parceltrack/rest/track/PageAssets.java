package io.parceltrack.rest.track;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The page's style sheet and time script, served by name from this package's resources (nothing
 * else of the classpath can be fetched here). Pages link them with a hash of their content, so
 * browsers may keep them for a year and still get a new version the moment it changes.
 */
final class PageAssets {
    static final String STYLE = "page.css";
    static final String SCRIPT = "local-time.js";
    private static final Map<String, String> TYPES = Map.of(
            STYLE, "text/css; charset=utf-8",
            SCRIPT, "text/javascript; charset=utf-8");

    private final Map<String, byte[]> contents = Map.of(STYLE, load(STYLE), SCRIPT, load(SCRIPT));
    private final Map<String, String> versions = Map.of(STYLE, hash(contents.get(STYLE)), SCRIPT, hash(contents.get(SCRIPT)));

    /** The asset's address, with the version that changes with its content. */
    String href(String name) {
        return TrackingPage.ASSETS + "/" + name + "?v=" + versions.get(name);
    }

    /** Serves the asset named in the path; anything else is no page. */
    void serve(Context ctx, String name) {
        byte[] content = contents.get(name);
        if (content == null) {
            throw new PageRefusal.NoSuchPage();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(TYPES.get(name))
                .result(content);
    }

    /** A file of this package's resources, which must be there. */
    static byte[] load(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
