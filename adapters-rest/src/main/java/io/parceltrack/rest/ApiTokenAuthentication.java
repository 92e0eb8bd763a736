package io.parceltrack.rest;

import io.javalin.http.Context;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import io.parceltrack.rest.track.AddressRateLimiter;
import io.parceltrack.rest.track.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the manager behind {@code Authorization: <token>} or {@code Authorization: Bearer <token>}.
 * The token is handed to the accounts port as it came and never stored, logged or echoed.
 *
 * <p>Guessing tokens is limited per client address ({@link FailedAuthenticationLimit}): each check
 * takes one from the address's budget before the accounts port is asked, and a check that turns
 * out valid (or could not be made) gives it back, so only failures count; with the budget spent the
 * request is answered 429 at once, and a flood of bad tokens costs the account service nothing.
 * Taking before asking keeps concurrent guesses within the budget too.
 *
 * <p>A budget that is empty only because checks of the address are still under way says nothing
 * about failures yet: then the request waits (at most {@link #MAX_WAIT}) until one of them ends and
 * tries again, rather than being refused. Otherwise more concurrent checks than the budget from one
 * address (a busy client, every client behind one proxy, every request at once when a cached
 * check expires) were answered 429 "too many failed authentications" with no failure at all.
 */
final class ApiTokenAuthentication {
    static final String CHALLENGE = "Bearer realm=\"parceltrack\"";
    private static final String BEARER = "bearer ";
    /** How long a check waits for the checks under way from its address before it is refused after all. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final AuthenticateApiTokenUseCase tokens;
    private final ClientAddress clientAddress;
    private final AddressRateLimiter failures;
    /** Checks under way per address (none: no entry), guarded by itself; its waiters are woken when one ends. */
    private final Map<String, Integer> underWay = new HashMap<>();

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
        reserve(client).ifPresent(wait -> {
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
            release(client, failed);
        }
    }

    /**
     * Takes one check from {@code client}'s budget; empty if taken, else how long until the budget
     * allows one. While the budget is empty but checks of the address are under way, waits for them.
     */
    private Optional<Duration> reserve(String client) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        synchronized (underWay) {
            while (true) {
                Optional<Duration> wait = failures.spend(client);
                long left = deadline - System.nanoTime();
                if (wait.isEmpty()) {
                    underWay.merge(client, 1, Integer::sum);
                    return wait;
                }
                if (!underWay.containsKey(client) || left <= 0) {
                    return wait;
                }
                try {
                    underWay.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return wait;
                }
            }
        }
    }

    /** Ends a check: a failure keeps its share of the budget, anything else gives it back. */
    private void release(String client, boolean failed) {
        synchronized (underWay) {
            if (!failed) {
                failures.refund(client);
            }
            underWay.computeIfPresent(client, (address, count) -> count == 1 ? null : count - 1);
            underWay.notifyAll();
        }
    }
}
