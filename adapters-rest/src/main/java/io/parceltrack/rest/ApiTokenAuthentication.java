package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.rest.track.AddressRateLimiter;
import io.parceltrack.rest.track.ClientAddress;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;

/**
 * Finds the manager behind {@code Authorization: <token>} or {@code Authorization: Bearer <token>}.
 * The token is handed to the accounts port as it came and never stored, logged or echoed.
 *
 * <p>Guessing tokens is limited per client address ({@link FailedAuthenticationLimit}): each check
 * takes one from the address's budget before the accounts port is asked, and a check that turns
 * out valid (or could not be made) gives it back, so only failures count; with the budget spent the
 * request is answered 429 at once, and a flood of bad tokens costs the account service nothing.
 * Taking before asking keeps concurrent guesses within the budget too.
 */
final class ApiTokenAuthentication {
    static final String CHALLENGE = "Bearer realm=\"parceltrack\"";
    private static final String BEARER = "bearer ";

    private final AuthenticateApiTokenUseCase tokens;
    private final ClientAddress clientAddress;
    private final AddressRateLimiter failures;

    ApiTokenAuthentication(AuthenticateApiTokenUseCase tokens, FailedAuthenticationLimit limit, Clock clock) {
        this.tokens = tokens;
        this.clientAddress = new ClientAddress(limit.trustedProxies());
        this.failures = new AddressRateLimiter(limit.bucket(), limit.trackedAddresses(), clock);
    }

    /** How many addresses the failure limit remembers now (for tests of its bound). */
    int trackedAddresses() {
        return failures.trackedAddresses();
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
        String client = clientAddress.of(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders(ClientAddress.FORWARDED_FOR)));
        failures.spend(client).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiProblem(ProblemType.RATE_LIMITED,
                    "too many failed authentications from your address; retry in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        });
        boolean failed = false;
        try {
            return tokens.authenticate(credentials);
        } catch (UnauthenticatedException e) {
            failed = true;
            throw e;
        } finally {
            if (!failed) {
                failures.refund(client);
            }
        }
    }
}
