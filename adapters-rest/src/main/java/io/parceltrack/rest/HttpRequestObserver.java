package io.parceltrack.rest;

import java.time.Duration;

/**
 * Told of every request the {@link AppHttpServer} answered, after its response was written: how
 * metrics see the HTTP edge without this adapter knowing a metrics library. {@code route} is the
 * matched route template (e.g. {@code /api/v1/parcels/{trackNumber}}), never the raw path, or
 * {@link #UNMATCHED} when no route matched, so its values stay few.
 */
@FunctionalInterface
public interface HttpRequestObserver {
    String UNMATCHED = "(unmatched)";

    HttpRequestObserver NONE = (method, route, status, elapsed) -> {};

    void completed(String method, String route, int status, Duration elapsed);
}
