package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.Claim;
import io.parceltrack.port.out.IdempotencyStore.Claimed;
import io.parceltrack.port.out.IdempotencyStore.Completed;
import io.parceltrack.port.out.IdempotencyStore.InProgress;
import io.parceltrack.port.out.IdempotencyStore.KeyReused;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do. */
public abstract class IdempotencyStoreContract {
    private static final Instant LONG_AGO = T0.minusSeconds(86_400);
    private static final StoredResponse CREATED = new StoredResponse(201,
            Map.of("Location", "/api/v1/parcels/VF834349180"), "{\"parcel_track_number\":\"VF834349180\"}");

    protected IdempotencyStore store;

    protected abstract IdempotencyStore newIdempotencyStore();

    @BeforeEach
    void createStore() {
        store = newIdempotencyStore();
    }

    private Claim claim(String scope, String key, String fingerprint) {
        return store.claim(scope, key, fingerprint, T0, LONG_AGO);
    }

    @Test
    void aFreshKeyIsClaimed() {
        assertThat(claim("manager-1", "key-1", "fp")).isInstanceOf(Claimed.class);
    }

    @Test
    void aRunningRequestIsReportedInProgress() {
        claim("manager-1", "key-1", "fp");

        assertThat(claim("manager-1", "key-1", "fp")).isInstanceOf(InProgress.class);
    }

    @Test
    void aRetryGetsTheStoredResponse() {
        claim("manager-1", "key-1", "fp");
        store.complete("manager-1", "key-1", CREATED);

        assertThat(claim("manager-1", "key-1", "fp")).isEqualTo(new Completed(CREATED));
    }

    @Test
    void aKeyReusedForAnotherRequestIsReported() {
        claim("manager-1", "key-1", "fp");
        store.complete("manager-1", "key-1", CREATED);

        assertThat(claim("manager-1", "key-1", "other")).isInstanceOf(KeyReused.class);
    }

    @Test
    void scopesAreIndependent() {
        claim("manager-1", "key-1", "fp");

        assertThat(claim("manager-2", "key-1", "fp")).isInstanceOf(Claimed.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        claim("manager-1", "key-1", "fp");

        store.release("manager-1", "key-1");

        assertThat(claim("manager-1", "key-1", "fp")).isInstanceOf(Claimed.class);
    }

    @Test
    void releaseDoesNotDropACompletedAnswer() {
        claim("manager-1", "key-1", "fp");
        store.complete("manager-1", "key-1", CREATED);

        store.release("manager-1", "key-1");

        assertThat(claim("manager-1", "key-1", "fp")).isEqualTo(new Completed(CREATED));
    }

    @Test
    void anExpiredEntryIsClaimedAfresh() {
        store.claim("manager-1", "key-1", "fp", LONG_AGO.minusSeconds(1), LONG_AGO.minusSeconds(2));
        store.complete("manager-1", "key-1", CREATED);

        assertThat(claim("manager-1", "key-1", "other")).isInstanceOf(Claimed.class);
    }

    @Test
    void exactlyOneConcurrentClaimWins() throws Exception {
        var outcomes = Concurrently.run(8, i -> claim("manager-1", "race", "fp"));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).filteredOn(Claimed.class::isInstance).hasSize(1);
        assertThat(outcomes.results()).filteredOn(InProgress.class::isInstance).hasSize(7);
    }

    @Test
    void forgetsKeysClaimedBeforeTheCutoff() {
        StoredResponse created = new StoredResponse(201, Map.of("Location", "/api/v1/parcels/VF834349180",
                "Content-Type", "application/json"), "{}");
        store.claim("manager-1", "old", "fp", LONG_AGO, LONG_AGO.minusSeconds(1));
        store.claim("manager-1", "recent", "fp", T0, LONG_AGO);
        store.complete("manager-1", "recent", created);

        assertThat(store.forgetClaimedBefore(T0.minusSeconds(60))).isEqualTo(1);

        // "recent" still answers (every header intact); "old" is gone, even for a retry that treats it as live.
        assertThat(store.claim("manager-1", "recent", "fp", T0, LONG_AGO)).isEqualTo(new Completed(created));
        assertThat(store.claim("manager-1", "old", "other", T0, Instant.EPOCH)).isInstanceOf(Claimed.class);
    }
}
