package io.parceltrack.rest;

import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each token's request budget: a burst, then a steady rate, and 429 with Retry-After beyond it. */
class RateLimitIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private RunningApi api;
    private HttpCalls http;

    @BeforeEach
    void start() {
        api = RunningApi.with().clock(clock)
                .settings(settings -> settings.withRateLimit(new RateLimitSettings(0.5, 3)))
                .start();
        http = new HttpCalls(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> list(String token) {
        return http.get("/api/v1/parcels").token(token).send();
    }

    @Test
    void allowsTheBurstThenRefusesWithRetryAfter() {
        String token = api.newManagerToken();
        for (int i = 0; i < 3; i++) {
            assertThat(list(token).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = list(token);

        assertProblem(limited, 429, "urn:parceltrack:problem:rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void refillsAtTheConfiguredRate() {
        String token = api.newManagerToken();
        for (int i = 0; i < 3; i++) {
            list(token);
        }
        assertThat(list(token).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(2));

        assertThat(list(token).statusCode()).isEqualTo(200);
        assertThat(list(token).statusCode()).isEqualTo(429);
    }

    @Test
    void eachTokenHasItsOwnBudget() {
        String busy = api.newManagerToken();
        String quiet = api.newManagerToken();
        for (int i = 0; i < 3; i++) {
            list(busy);
        }
        assertThat(list(busy).statusCode()).as("the busy token has spent its burst").isEqualTo(429);

        assertThat(list(quiet).statusCode()).isEqualTo(200);
    }

    @Test
    void countsWritesAndRefusedInputAlike() {
        String token = api.newManagerToken();
        http.post("/api/v1/parcels", "{}").token(token).send();
        http.post("/api/v1/parcels", "not json").token(token).send();
        http.get("/api/v1/parcels/XX").token(token).send();

        assertThat(http.post("/api/v1/parcels", "{}").token(token).send().statusCode()).isEqualTo(429);
    }
}
