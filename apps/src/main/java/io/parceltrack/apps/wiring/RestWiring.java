package io.parceltrack.apps.wiring;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.rest.RateLimitSettings;
import io.parceltrack.rest.ReadinessCheck;
import io.parceltrack.rest.RestApiServer;
import io.parceltrack.rest.RestApiSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** The manager REST API as a lifecycle component. */
public final class RestWiring {
    /** Where the REST API v1 lives under the server's root (adapters-rest serves it there). */
    private static final String API_BASE_PATH = "/api/v1";

    private RestWiring() {}

    /**
     * The API's base URL as managers call it from outside: the configured public URL (the
     * server's root, e.g. {@code https://parcels.example.com}) plus the API's base path. The
     * manager bot shows it next to a new token.
     */
    public static URI publicApiUrl(AppSettings.Http http) {
        return URI.create(http.publicUrl().replaceAll("/+$", "") + API_BASE_PATH);
    }

    public static RestApiSettings settings(AppSettings.Http http) {
        return RestApiSettings.defaults()
                .withAddress(http.host(), http.port())
                .withMaxBodyBytes(http.bodyLimit())
                .withRateLimit(new RateLimitSettings(http.ratePerSecond(), http.rateBurst()))
                .withIdempotencyTtl(http.idempotencyTtl());
    }

    public static RestApiServer server(ManagerParcelUseCases parcels, AuthenticateApiTokenUseCase tokens,
            IdempotencyStore idempotency, Clock clock, Map<String, ReadinessCheck> readiness, AppSettings.Http http,
            Lifecycle lifecycle) {
        RestApiServer api = new RestApiServer(parcels, tokens, idempotency, clock, readiness, settings(http));
        lifecycle.add(Component.of("REST API", api::start, api::stop));
        lifecycle.announce(() -> "REST API: http://localhost:" + api.port() + "/api/v1  (Swagger UI: http://localhost:"
                + api.port() + "/swagger)");
        return api;
    }
}
