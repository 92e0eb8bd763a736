package io.parceltrack.rest;

import java.util.Optional;

/**
 * Every kind of error the API answers, with its RFC 9457 {@code type} URI, title and status. The
 * URIs name the kind of problem; they are identifiers, not pages to fetch. docs/API.md lists them.
 */
enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400, Cause.ANY),
    INVALID_INPUT("invalid-input", "Invalid input", 400, Cause.PARTICULAR),
    UNAUTHENTICATED("unauthenticated", "Missing or unknown API token", 401, Cause.ANY),
    FORBIDDEN("forbidden", "Forbidden", 403, Cause.ANY),
    NOT_FOUND("not-found", "Not found", 404, Cause.ANY),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405, Cause.ANY),
    CONFLICT("conflict", "Conflict", 409, Cause.ANY),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "Idempotency-Key in use", 409, Cause.PARTICULAR),
    CONTENT_TOO_LARGE("content-too-large", "Request body too large", 413, Cause.ANY),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415, Cause.ANY),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key reused", 422, Cause.PARTICULAR),
    RATE_LIMITED("rate-limited", "Too many requests", 429, Cause.ANY),
    IDEMPOTENCY_KEY_QUOTA("idempotency-key-quota", "Too many Idempotency-Keys", 429, Cause.PARTICULAR),
    INTERNAL("internal", "Internal server error", 500, Cause.ANY),
    UNAVAILABLE("unavailable", "Service unavailable", 503, Cause.ANY);

    static final String URI_PREFIX = "urn:parceltrack:problem:";

    /** Whether a type fits any answer with its status, or only the one cause it was made for. */
    private enum Cause { ANY, PARTICULAR }

    private final String slug;
    private final String title;
    private final int status;
    private final Cause cause;

    ProblemType(String slug, String title, int status, Cause cause) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.cause = cause;
    }

    String uri() {
        return URI_PREFIX + slug;
    }

    String title() {
        return title;
    }

    int status() {
        return status;
    }

    /**
     * Our type for a status another layer (Jetty, Javalin) chose, if we have one; if not, RFC 9457's
     * {@code about:blank} with the status's reason phrase is the right answer.
     */
    static Optional<ProblemType> forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type.cause == Cause.ANY) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
