package io.parceltrack.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The raw body of a POST, accepted only as {@code application/json} (UTF-8, not compressed) and at
 * most the configured size. The size is checked against {@code Content-Length} before reading and
 * enforced while reading, so a chunked body cannot sneak past it.
 */
final class JsonRequestBody {
    static final String MEDIA_TYPE = "application/json";

    /** How much of an oversized body is read and dropped so that its sender gets the 413. */
    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private final int maxBytes;

    JsonRequestBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws ApiProblem 415 for another content type or encoding, 413 for a body over the limit
     */
    byte[] read(Context ctx) {
        requireJson(ctx.header("Content-Type"), ctx.header("Content-Encoding"));
        try (InputStream in = ctx.req().getInputStream()) {
            long declared = ctx.req().getContentLengthLong();
            if (declared > maxBytes) {
                // A declared length beyond what we are willing to read is answered at once, unread.
                throw tooLarge(in, declared <= DRAIN_LIMIT ? declared : 0);
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(in, DRAIN_LIMIT);
            }
            return body;
        } catch (IOException e) {
            // Jetty fails the read when the body breaks HTTP framing (a bad chunk, a short body):
            // the client sent it that way.
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST, "the request body could not be read as sent");
        }
    }

    private static void requireJson(String contentType, String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "request bodies must not be compressed (Content-Encoding is not supported)");
        }
        if (contentType == null || !isUtf8Json(contentType)) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as 'Content-Type: " + MEDIA_TYPE + "' (UTF-8)");
        }
    }

    /** {@code application/json}, optionally with {@code charset=utf-8}; any other charset is refused. */
    private static boolean isUtf8Json(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase(MEDIA_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The 413 answer, after reading (and dropping) up to {@code drain} bytes of what the client is
     * still sending: a server that closes the connection while a client is still writing its body
     * makes the client's TCP stack discard the answer, and the client sees a broken connection
     * instead of the 413. Beyond {@link #DRAIN_LIMIT} the connection is closed unread.
     */
    private ApiProblem tooLarge(InputStream unread, long drain) {
        try {
            byte[] buffer = new byte[8192];
            long left = drain;
            int read;
            while (left > 0 && (read = unread.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException ignored) {
            // The client gave up sending; the answer may still reach it.
        }
        return new ApiProblem(ProblemType.CONTENT_TOO_LARGE,
                "the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
