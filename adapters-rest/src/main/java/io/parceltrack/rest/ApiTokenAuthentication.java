package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import java.util.Locale;

/**
 * Finds the manager behind {@code Authorization: <token>} or {@code Authorization: Bearer <token>}.
 * The token is handed to the accounts port as it came and never stored, logged or echoed.
 */
final class ApiTokenAuthentication {
    static final String CHALLENGE = "Bearer realm=\"parceltrack\"";
    private static final String BEARER = "bearer ";

    private final AuthenticateApiTokenUseCase tokens;

    ApiTokenAuthentication(AuthenticateApiTokenUseCase tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws ApiProblem (401) if no credentials were sent
     * @throws io.parceltrack.domain.error.UnauthenticatedException if they name no manager
     */
    TelegramId authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiProblem(ProblemType.UNAUTHENTICATED,
                    "send your API token as 'Authorization: <token>' or 'Authorization: Bearer <token>'")
                    .withHeader("WWW-Authenticate", CHALLENGE);
        }
        String credentials = header.strip();
        if (credentials.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            credentials = credentials.substring(BEARER.length()).strip();
        }
        return tokens.authenticate(credentials);
    }
}
