package io.parceltrack.port.out;

/**
 * Something the core depends on (a database, the broker, a remote service) could not be reached or
 * did not answer in time. Not the caller's fault, and worth retrying later: adapters answer it with
 * "service unavailable" (HTTP 503, gRPC UNAVAILABLE, a "try again later" bot message). Its message
 * is safe to show; details stay in the cause, for the logs.
 */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
