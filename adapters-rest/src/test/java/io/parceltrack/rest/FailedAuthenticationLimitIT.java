package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.port.in.account.AuthenticateApiTokenUseCase;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Guessing API tokens from one address over real HTTP: after the limit, bad tokens are answered 429
 * with {@code Retry-After} and the accounts port (in production: a gRPC call to account-service and
 * a database read) is not asked any more; other addresses are not affected; and the memory the limit
 * uses stays within its bound however many addresses try.
 */
class FailedAuthenticationLimitIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LIMIT = 30;

    @Test
    void tenThousandBadTokensFromOneAddressReachTheAccountsPortOnlyUpToTheLimit() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        CountingTokens counting = new CountingTokens();
        try (RunningApi api = RunningApi.with().clock(clock).authentication(counting::wrap)
                .failedAuthentication(new FailedAuthenticationLimit(LIMIT, 1_000, 0)).start()) {
            HttpCalls http = new HttpCalls(api);
            String good = api.newManagerToken();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            ExecutorService attackers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    sent.add(attackers.submit(() -> {
                        HttpResponse<String> answer = http.get("/api/v1/parcels").token(randomToken()).send();
                        statuses.computeIfAbsent(answer.statusCode(), code -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() == 429) {
                            assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
                            assertThat(answer.body()).contains("urn:parceltrack:problem:rate-limited");
                        }
                    }));
                }
                for (Future<?> request : sent) {
                    request.get();
                }
            } finally {
                attackers.shutdownNow();
            }

            assertThat(statuses.get(401)).hasValue(LIMIT);
            assertThat(statuses.get(429)).hasValue(10_000 - LIMIT);
            assertThat(statuses.keySet()).containsExactlyInAnyOrder(401, 429);
            assertThat(counting.calls.get()).as("calls that reached the accounts port").isEqualTo(LIMIT);

            // Another address is not held back: its good token works, its bad one is checked.
            int port = api.base.getPort();
            InetAddress neighbour = InetAddress.getByName("127.0.0.2");
            assertThat(RawHttp.send(neighbour, port, get(good), null).status()).isEqualTo(200);
            assertThat(RawHttp.send(neighbour, port, get(randomToken()), null).status()).isEqualTo(401);
            assertThat(counting.calls.get()).isEqualTo(LIMIT + 2);

            // The flooding address itself stays refused, good token or not, until its budget refills.
            assertThat(http.get("/api/v1/parcels").token(good).send().statusCode()).isEqualTo(429);
            assertThat(counting.calls.get()).isEqualTo(LIMIT + 2);
            clock.advance(Duration.ofSeconds(2));
            assertThat(http.get("/api/v1/parcels").token(good).send().statusCode()).isEqualTo(200);
            // A good token gives its attempt back: a bad one may follow, then the address is out again.
            assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(401);
            assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(429);
            assertThat(counting.calls.get()).isEqualTo(LIMIT + 4);
        }
    }

    @Test
    void goodTokensFromABusyAddressNeverUseUpItsBudget() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (RunningApi api = RunningApi.with().clock(clock)
                .failedAuthentication(new FailedAuthenticationLimit(3, 1_000, 0)).start()) {
            HttpCalls http = new HttpCalls(api);
            String good = api.newManagerToken();
            for (int i = 0; i < 100; i++) {
                assertThat(http.get("/api/v1/parcels").token(good).send().statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(401);
            }
            assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(429);
        }
    }

    /**
     * More checks of good tokens under way at once from one address than its budget (a busy client,
     * every client behind one proxy, every request at once when a cached check expires): the ones
     * beyond the budget wait for those under way instead of being told "too many failed
     * authentications" with no failure at all (the overload run saw exactly that every 5 s).
     */
    @Test
    void moreConcurrentGoodChecksFromOneAddressThanItsBudgetAreAllAnswered() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        UnaryOperator<AuthenticateApiTokenUseCase> slow = real -> token -> {
            mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                return real.authenticate(token);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                underWay.decrementAndGet();
            }
        };
        try (RunningApi api = RunningApi.with().clock(clock).authentication(slow)
                .failedAuthentication(new FailedAuthenticationLimit(3, 1_000, 0)).start()) {
            HttpCalls http = new HttpCalls(api);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tokens.add(api.newManagerToken());
            }
            ExecutorService clients = Executors.newFixedThreadPool(tokens.size());
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String token : tokens) {
                    answers.add(clients.submit(() -> http.get("/api/v1/parcels").token(token).send().statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(mostAtOnce.get()).as("checks under way at once from the address: its budget at most").isBetween(1, 3);
            // The budget is whole again: three failures, then the address is refused.
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(401);
            }
            assertThat(http.get("/api/v1/parcels").token(randomToken()).send().statusCode()).isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudgetAndTheirNumberIsBounded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        CountingTokens counting = new CountingTokens();
        int tracked = 50;
        try (RunningApi api = RunningApi.with().clock(clock).authentication(counting::wrap)
                .failedAuthentication(new FailedAuthenticationLimit(2, tracked, 1)).start()) {
            HttpCalls http = new HttpCalls(api);
            // The first client spends its budget.
            for (int i = 0; i < 2; i++) {
                assertThat(badFrom(http, "203.0.113.1")).isEqualTo(401);
            }
            assertThat(badFrom(http, "203.0.113.1")).isEqualTo(429);
            // A spoofed entry left of the proxy's does not help the client: the proxy's entry counts.
            assertThat(http.get("/api/v1/parcels").token(randomToken())
                    .header("X-Forwarded-For", "198.51.100.7, 203.0.113.1").send().statusCode()).isEqualTo(429);
            // A thousand other clients, each tried once: remembered are at most `tracked`, the least
            // recently seen forgotten first - so the first client, long unseen, starts afresh.
            for (int i = 0; i < 1_000; i++) {
                assertThat(badFrom(http, "10.0." + (i / 250) + "." + (i % 250))).isEqualTo(401);
            }
            assertThat(counting.calls.get()).isEqualTo(2 + 1_000);
            assertThat(badFrom(http, "203.0.113.1")).isEqualTo(401);
            assertThat(api.failedAuthenticationTracked()).isLessThanOrEqualTo(tracked).isPositive();
        }
    }

    private static int badFrom(HttpCalls http, String client) {
        return http.get("/api/v1/parcels").token(randomToken()).header("X-Forwarded-For", client).send().statusCode();
    }

    private static String get(String token) {
        return "GET /api/v1/parcels HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n";
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Counts the token checks that reach the accounts port. */
    private static final class CountingTokens {
        final AtomicInteger calls = new AtomicInteger();

        AuthenticateApiTokenUseCase wrap(AuthenticateApiTokenUseCase real) {
            return token -> {
                calls.incrementAndGet();
                TelegramId manager = real.authenticate(token);
                return manager;
            };
        }
    }
}
