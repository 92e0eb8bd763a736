package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.memory.InMemoryIdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {
    private static final TelegramId MANAGER = TelegramId.of(7);
    private static final byte[] BODY = "{\"parcel_name\":\"Phone case\"}".getBytes(StandardCharsets.UTF_8);
    private static final StoredResponse CREATED =
            new StoredResponse(201, Map.of("Location", "/api/v1/parcels/VF834349180"), "{\"parcel_track_number\":\"VF834349180\"}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final IdempotentRequests requests =
            new IdempotentRequests(new InMemoryIdempotencyStore(), clock, Duration.ofHours(24), 100);
    private final AtomicInteger runs = new AtomicInteger();

    private StoredResponse run(String key, byte[] body) {
        return requests.run(MANAGER, key, "POST", "/api/v1/parcels", body, () -> {
            runs.incrementAndGet();
            return CREATED;
        });
    }

    @Test
    void runsOnceAndReplaysTheStoredAnswerMarkedAsReplayed() {
        StoredResponse first = run("key-1", BODY);
        StoredResponse second = run("key-1", BODY);

        assertThat(runs).hasValue(1);
        assertThat(first).isEqualTo(CREATED);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(CREATED.body());
        assertThat(second.headers()).containsEntry("Location", "/api/v1/parcels/VF834349180")
                .containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void withoutAKeyRunsEveryTime() {
        run(null, BODY);
        run(null, BODY);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aDifferentBodyUnderTheSameKeyIsRefused() {
        run("key-1", BODY);

        assertThatThrownBy(() -> run("key-1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailureReleasesTheKey() {
        assertThatThrownBy(() -> requests.run(MANAGER, "key-1", "POST", "/api/v1/parcels", BODY, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        run("key-1", BODY);

        assertThat(runs).hasValue(1);
    }

    @Test
    void aNonSuccessAnswerIsNotStored() {
        requests.run(MANAGER, "key-1", "POST", "/api/v1/parcels", BODY, () -> new StoredResponse(400, Map.of(), "{}"));

        assertThat(run("key-1", BODY)).isEqualTo(CREATED);
    }

    @Test
    void theFingerprintCoversMethodPathAndBody() {
        String base = IdempotentRequests.fingerprint("POST", "/api/v1/parcels", BODY);

        assertThat(IdempotentRequests.fingerprint("POST", "/api/v1/parcels", BODY)).isEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("POST", "/api/v1/checkpoints", BODY)).isNotEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("PUT", "/api/v1/parcels", BODY)).isNotEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("POST", "/api/v1/parcels", new byte[0])).isNotEqualTo(base);
    }

    @Test
    void keysExpireAfterTheirTimeToLive() {
        run("key-1", BODY);
        clock.advance(Duration.ofHours(25));

        run("key-1", BODY);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aKeyFloodStopsAtTheQuotaWhileRetriesAndKeylessRequestsGoOn() {
        for (int i = 0; i < 100; i++) {
            run("flood-" + i, BODY);
        }

        assertThatThrownBy(() -> run("flood-100", BODY))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_QUOTA));
        assertThat(run("flood-7", BODY).headers()).containsEntry("Idempotent-Replayed", "true");
        run(null, BODY);
        assertThat(runs).hasValue(101);
        clock.advance(Duration.ofHours(25));
        run("flood-100", BODY);
        assertThat(runs).hasValue(102);
    }
}
