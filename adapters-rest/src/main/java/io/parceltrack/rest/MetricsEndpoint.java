package io.parceltrack.rest;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the app's meters in the Prometheus text format, as {@code scrape} renders
 * them. With a bearer token configured, a scrape must present it ({@code Authorization: Bearer ...},
 * compared in constant time); without one the endpoint is open, which suits a port only the
 * cluster reaches. The token never appears in an answer or a log line.
 */
public final class MetricsEndpoint implements RouteGroup {
    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final Supplier<String> scrape;
    private final Optional<byte[]> token;

    /** @param bearerToken the token a scrape must present; blank: none needed */
    public MetricsEndpoint(Supplier<String> scrape, String bearerToken) {
        this.scrape = scrape;
        this.token = bearerToken.isBlank() ? Optional.empty()
                : Optional.of(bearerToken.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void register(Routes routes) {
        routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        token.ifPresent(expected -> {
            if (!presents(ctx.header("Authorization"), expected)) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
                throw new UnauthorizedResponse();
            }
        });
        ctx.contentType(CONTENT_TYPE).result(scrape.get());
    }

    private static boolean presents(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }
}
