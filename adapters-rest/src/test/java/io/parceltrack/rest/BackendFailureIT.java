package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.parceltrack.port.out.UnavailableException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The backends behind the ports are remote in production (gRPC). When they are down the API says
 * "retry later" (503), and when something breaks on our side it says so (500) without details.
 */
class BackendFailureIT {

    @Test
    void answersServiceUnavailableWithRetryAfterWhenTheParcelBackendIsDown() {
        try (RunningApi api = RunningApi.with()
                .parcelUseCases(real -> ForwardingParcelUseCases.failingWith(real,
                        () -> new UnavailableException("the parcels service is unavailable", new ConnectException())))
                .start()) {
            HttpCalls http = new HttpCalls(api);
            String token = api.newManagerToken();

            HttpResponse<String> answer = http.get("/api/v1/parcels").token(token).send();

            assertProblem(answer, 503, "urn:parceltrack:problem:unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(json(answer).get("detail").asText()).isEqualTo("the parcels service is unavailable");
        }
    }

    @Test
    void answersServiceUnavailableWhenTheAccountsBackendIsDown() {
        try (RunningApi api = RunningApi.with()
                .authentication(real -> presented -> {
                    throw new UnavailableException("the accounts service is unavailable", new ConnectException());
                })
                .start()) {
            HttpResponse<String> answer = new HttpCalls(api).get("/api/v1/parcels").token("pt_whatever_0123456789").send();

            assertProblem(answer, 503, "urn:parceltrack:problem:unavailable");
        }
    }

    @Test
    void aFailedCreationBehindAnIdempotencyKeyCanBeRetried() {
        var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (RunningApi api = RunningApi.with()
                .parcelUseCases(real -> new ForwardingParcelUseCases(real) {
                    @Override
                    void beforeCall() {
                        if (failing.get()) {
                            throw new UnavailableException("the parcels service is unavailable", new ConnectException());
                        }
                    }
                })
                .start()) {
            HttpCalls http = new HttpCalls(api);
            String token = api.newManagerToken();
            String body = toJson(Payloads.newParcel());

            HttpResponse<String> down = http.post("/api/v1/parcels", body).token(token).header("Idempotency-Key", "k-1").send();
            failing.set(false);
            HttpResponse<String> retried = http.post("/api/v1/parcels", body).token(token).header("Idempotency-Key", "k-1").send();

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        }
    }

    @Test
    void answersAnInternalErrorWithoutLeakingItsCauseAndLogsItWithTheRequestId() {
        String secret = "connection string with password hunter2";
        try (RunningApi api = RunningApi.with()
                .parcelUseCases(real -> ForwardingParcelUseCases.failingWith(real, () -> new IllegalStateException(secret)))
                .start();
                LogCapture logs = new LogCapture()) {
            HttpCalls http = new HttpCalls(api);
            String token = api.newManagerToken();

            HttpResponse<String> answer = http.post("/api/v1/parcels", toJson(Payloads.newParcel())).token(token).send();

            assertProblem(answer, 500, "urn:parceltrack:problem:internal");
            String requestId = answer.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(answer.body()).doesNotContain(secret).doesNotContain("IllegalStateException").contains(requestId);
            assertThat(logs.events(ProblemTranslator.class.getName()))
                    .anySatisfy(event -> {
                        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                        assertThat(LogCapture.fullText(event)).contains(requestId).contains(secret);
                    });
        }
    }

    @Test
    void answersAnErrorOfTheJvmAsAProblemToo() {
        try (RunningApi api = RunningApi.with()
                .parcelUseCases(real -> new ForwardingParcelUseCases(real) {
                    @Override
                    void beforeCall() {
                        throw new StackOverflowError("simulated");
                    }
                })
                .start()) {
            HttpCalls http = new HttpCalls(api);

            HttpResponse<String> answer = http.get("/api/v1/parcels").token(api.newManagerToken()).send();

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(answer).get("type").asText()).isEqualTo("urn:parceltrack:problem:internal");
            assertThat(answer.body()).doesNotContain("simulated");
        }
    }
}
