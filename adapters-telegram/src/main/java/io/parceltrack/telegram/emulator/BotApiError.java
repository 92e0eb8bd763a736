package io.parceltrack.telegram.emulator;

/** A Bot API call the emulator refuses, answered the way Telegram does: HTTP status = error code. */
final class BotApiError extends RuntimeException {
    private final int code;
    private final Integer retryAfterSeconds;

    private BotApiError(int code, String description, Integer retryAfterSeconds) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static BotApiError badRequest(String detail) {
        return new BotApiError(400, "Bad Request: " + detail, null);
    }

    static BotApiError unauthorized() {
        return new BotApiError(401, "Unauthorized", null);
    }

    static BotApiError blocked() {
        return new BotApiError(403, "Forbidden: bot was blocked by the user", null);
    }

    static BotApiError notFound() {
        return new BotApiError(404, "Not Found", null);
    }

    static BotApiError tooManyRequests(int retryAfterSeconds) {
        return new BotApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    int code() {
        return code;
    }

    String description() {
        return getMessage();
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
