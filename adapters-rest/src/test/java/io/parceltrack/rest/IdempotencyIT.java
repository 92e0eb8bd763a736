package io.parceltrack.rest;

import static io.parceltrack.rest.HttpCalls.json;
import static io.parceltrack.rest.HttpCalls.toJson;
import static io.parceltrack.rest.ParcelRoutesIT.assertProblem;
import static io.parceltrack.rest.ParcelRoutesIT.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on POSTs: a retry gets the first answer and creates nothing new. */
class IdempotencyIT {
    @RegisterExtension
    static final RunningApi api = RunningApi.start();
    private static final HttpCalls http = new HttpCalls(api);

    private static HttpResponse<String> createParcel(HttpCalls calls, String token, String key, String body) {
        return calls.post("/api/v1/parcels", body).token(token).header("Idempotency-Key", key).send();
    }

    private static int parcelsOf(RunningApi running, String token) {
        TelegramId manager = running.accountService.authenticate(token);
        return running.parcelService.listOwnParcels(manager, new PageRequest(1, 100)).items().size();
    }

    @Test
    void aRetriedCreationReturnsTheFirstAnswerAndCreatesNothingNew() {
        String token = api.newManagerToken();
        String key = UUID.randomUUID().toString();
        String body = toJson(Payloads.newParcel());

        HttpResponse<String> first = createParcel(http, token, key, body);
        HttpResponse<String> retry = createParcel(http, token, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(parcelsOf(api, token)).isEqualTo(1);
    }

    @Test
    void aRetriedCheckpointIsRecordedOnce() {
        String token = api.newManagerToken();
        String trackNumber = http.createParcel(token);
        String body = toJson(Payloads.newCheckpoint(trackNumber));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.post("/api/v1/checkpoints", body).token(token).header("Idempotency-Key", key).send();
        HttpResponse<String> retry = http.post("/api/v1/checkpoints", body).token(token).header("Idempotency-Key", key).send();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json(http.get("/api/v1/parcels/" + trackNumber + "/checkpoints").token(token).send()).size()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestCreates() {
        String token = api.newManagerToken();
        String body = toJson(Payloads.newParcel());

        http.post("/api/v1/parcels", body).token(token).send();
        http.post("/api/v1/parcels", body).token(token).send();

        assertThat(parcelsOf(api, token)).isEqualTo(2);
    }

    @Test
    void refusesAKeyReusedForADifferentRequest() {
        String token = api.newManagerToken();
        String key = UUID.randomUUID().toString();
        createParcel(http, token, key, toJson(Payloads.newParcel()));

        HttpResponse<String> reused = createParcel(http, token, key,
                toJson(Payloads.with(Payloads.newParcel(), "parcel_name", "Another parcel")));

        assertProblem(reused, 422, "urn:parceltrack:problem:idempotency-key-reused");
        assertThat(parcelsOf(api, token)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheManagerWhoSentThem() {
        String first = api.newManagerToken();
        String second = api.newManagerToken();
        String key = UUID.randomUUID().toString();
        String body = toJson(Payloads.newParcel());

        HttpResponse<String> ofFirst = createParcel(http, first, key, body);
        HttpResponse<String> ofSecond = createParcel(http, second, key, body);

        assertThat(ofSecond.statusCode()).isEqualTo(201);
        assertThat(ofSecond.body()).isNotEqualTo(ofFirst.body());
        assertThat(parcelsOf(api, second)).isEqualTo(1);
    }

    @Test
    void aFailedRequestGivesItsKeyUpSoTheCorrectedRetryRuns() {
        String token = api.newManagerToken();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> invalid = createParcel(http, token, key,
                toJson(Payloads.with(Payloads.newParcel(), "parcel_name", "x")));
        HttpResponse<String> corrected = createParcel(http, token, key, toJson(Payloads.newParcel()));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(parcelsOf(api, token)).isEqualTo(1);
    }

    @Test
    void refusesAKeyThatIsNotVisibleAscii() {
        String token = api.newManagerToken();

        HttpResponse<String> refused = createParcel(http, token, "a".repeat(256), toJson(Payloads.newParcel()));

        assertProblem(refused, 400, "urn:parceltrack:problem:invalid-input");
        assertThat(fieldErrors(refused)).containsOnlyKeys("Idempotency-Key");
        assertThat(parcelsOf(api, token)).isZero();
    }

    @Test
    void aKeyIsForgottenAfterItsTimeToLive() {
        MutableClock clock = new MutableClock(Instant.now());
        try (RunningApi expiring = RunningApi.with().clock(clock)
                .settings(settings -> settings.withIdempotencyTtl(Duration.ofHours(1))).start()) {
            HttpCalls calls = new HttpCalls(expiring);
            String token = expiring.newManagerToken();
            String key = UUID.randomUUID().toString();
            String body = toJson(Payloads.newParcel());

            createParcel(calls, token, key, body);
            clock.advance(Duration.ofMinutes(59));
            HttpResponse<String> withinTtl = createParcel(calls, token, key, body);
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> afterTtl = createParcel(calls, token, key, body);

            assertThat(withinTtl.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(afterTtl.statusCode()).isEqualTo(201);
            assertThat(afterTtl.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(parcelsOf(expiring, token)).isEqualTo(2);
        }
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIsToldToWait() throws Exception {
        HeldParcelCreation[] held = new HeldParcelCreation[1];
        try (RunningApi slow = RunningApi.with()
                .parcelUseCases(real -> held[0] = new HeldParcelCreation(real)).start()) {
            HttpCalls calls = new HttpCalls(slow);
            String token = slow.newManagerToken();
            String key = UUID.randomUUID().toString();
            String body = toJson(Payloads.newParcel());

            CompletableFuture<HttpResponse<String>> first =
                    CompletableFuture.supplyAsync(() -> createParcel(calls, token, key, body));
            held[0].awaitHeldCreation();
            HttpResponse<String> concurrent = createParcel(calls, token, key, body);
            held[0].release();

            assertProblem(concurrent, 409, "urn:parceltrack:problem:idempotency-key-in-use");
            assertThat(concurrent.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            HttpResponse<String> later = createParcel(calls, token, key, body);
            assertThat(later.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(parcelsOf(slow, token)).isEqualTo(1);
        }
    }
}
