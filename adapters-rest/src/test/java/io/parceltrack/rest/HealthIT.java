package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Liveness says the process serves; readiness says every dependency does. */
class HealthIT {

    @Test
    void isLiveWhileItServes() {
        try (RunningApi api = RunningApi.with().readiness(Map.of("parcels", () -> false)).start()) {
            HttpResponse<String> live = new HttpCalls(api).get("/health/live").send();

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(json(live).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void isReadyWhenEveryCheckPasses() {
        try (RunningApi api = RunningApi.with().readiness(Map.of("parcels", () -> true, "accounts", () -> true)).start()) {
            HttpResponse<String> ready = new HttpCalls(api).get("/health/ready").send();

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(json(ready).get("status").asText()).isEqualTo("UP");
            assertThat(json(ready).get("checks").get("accounts").asText()).isEqualTo("UP");
            assertThat(json(ready).get("checks").get("parcels").asText()).isEqualTo("UP");
        }
    }

    @Test
    void followsItsDependenciesDownAndBackUp() {
        AtomicBoolean accountsUp = new AtomicBoolean(true);
        try (RunningApi api = RunningApi.with()
                .readiness(Map.of("parcels", () -> true, "accounts", accountsUp::get)).start()) {
            HttpCalls http = new HttpCalls(api);
            accountsUp.set(false);

            HttpResponse<String> notReady = http.get("/health/ready").send();
            accountsUp.set(true);
            HttpResponse<String> readyAgain = http.get("/health/ready").send();

            assertProblem(notReady, 503, "urn:parceltrack:problem:unavailable");
            assertThat(json(notReady).get("checks").get("accounts").asText()).isEqualTo("DOWN");
            assertThat(json(notReady).get("checks").get("parcels").asText()).isEqualTo("UP");
            assertThat(json(notReady).get("detail").asText()).contains("accounts");
            assertThat(readyAgain.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCheckThatThrowsCountsAsDown() {
        try (RunningApi api = RunningApi.with().readiness(Map.of("parcels", () -> {
            throw new IllegalStateException("database refused the connection");
        })).start()) {
            HttpResponse<String> notReady = new HttpCalls(api).get("/health/ready").send();

            assertProblem(notReady, 503, "urn:parceltrack:problem:unavailable");
            assertThat(notReady.body()).doesNotContain("refused");
        }
    }

    @Test
    void aCheckThatHangsCountsAsDownAfterTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        try (RunningApi api = RunningApi.with()
                .settings(settings -> settings.withReadinessTimeout(Duration.ofMillis(200)))
                .readiness(Map.of("parcels", () -> {
                    never.await();
                    return true;
                }))
                .start()) {
            HttpResponse<String> notReady = new HttpCalls(api).get("/health/ready").send();

            assertProblem(notReady, 503, "urn:parceltrack:problem:unavailable");
            assertThat(json(notReady).get("checks").get("parcels").asText()).isEqualTo("DOWN");
        }
    }
}
