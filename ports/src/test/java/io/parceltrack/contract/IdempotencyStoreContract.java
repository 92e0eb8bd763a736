package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.InProgress;
import io.parceltrack.port.out.IdempotencyStore.KeyPolicy;
import io.parceltrack.port.out.IdempotencyStore.KeyReused;
import io.parceltrack.port.out.IdempotencyStore.KeyedRequest;
import io.parceltrack.port.out.IdempotencyStore.Outcome;
import io.parceltrack.port.out.IdempotencyStore.QuotaExceeded;
import io.parceltrack.port.out.IdempotencyStore.Ran;
import io.parceltrack.port.out.IdempotencyStore.Replayed;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do: one run per key, its answer replayed, never a stuck key. */
public abstract class IdempotencyStoreContract {
    private static final Duration DAY = Duration.ofDays(1);
    private static final int QUOTA = 1000;
    private static final StoredResponse CREATED = new StoredResponse(201,
            Map.of("Location", "/api/v1/parcels/VF834349180", "Content-Type", "application/json"),
            "{\"parcel_track_number\":\"VF834349180\"}");

    protected IdempotencyStore store;
    private final AtomicInteger runs = new AtomicInteger();

    protected abstract IdempotencyStore newIdempotencyStore();

    @BeforeEach
    void createStore() {
        store = newIdempotencyStore();
    }

    private Outcome run(String scope, String key, String fingerprint, Instant now) {
        return run(scope, key, fingerprint, now, QUOTA, this::created);
    }

    private Outcome run(String scope, String key, String fingerprint, Instant now, int quota, Supplier<StoredResponse> work) {
        return store.runOnce(new KeyedRequest(scope, key, fingerprint), new KeyPolicy(now, DAY, quota), work);
    }

    private StoredResponse created() {
        runs.incrementAndGet();
        return CREATED;
    }

    @Test
    void aFreshKeyRunsTheWork() {
        assertThat(run("manager-1", "key-1", "fp", T0)).isEqualTo(new Ran(CREATED));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRetryGetsTheKeptAnswerWithEveryHeaderWithoutRunning() {
        run("manager-1", "key-1", "fp", T0);

        assertThat(run("manager-1", "key-1", "fp", T0.plusSeconds(60))).isEqualTo(new Replayed(CREATED));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsReported() {
        run("manager-1", "key-1", "fp", T0);

        assertThat(run("manager-1", "key-1", "other", T0)).isInstanceOf(KeyReused.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void scopesAreIndependent() {
        run("manager-1", "key-1", "fp", T0);

        assertThat(run("manager-2", "key-1", "fp", T0)).isInstanceOf(Ran.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRequestThatThrowsGivesItsKeyUp() {
        assertThatThrownBy(() -> run("manager-1", "key-1", "fp", T0, QUOTA, () -> {
            throw new IllegalStateException("the request died");
        })).hasMessage("the request died");

        assertThat(run("manager-1", "key-1", "fp", T0)).isEqualTo(new Ran(CREATED));
    }

    @Test
    void anAnswerThatIsNoSuccessIsNotKept() {
        StoredResponse refused = new StoredResponse(409, Map.of(), "{}");

        assertThat(run("manager-1", "key-1", "fp", T0, QUOTA, () -> refused)).isEqualTo(new Ran(refused));
        assertThat(run("manager-1", "key-1", "fp", T0)).isEqualTo(new Ran(CREATED));
    }

    @Test
    void anExpiredKeyRunsAfresh() {
        run("manager-1", "key-1", "fp", T0);

        assertThat(run("manager-1", "key-1", "other", T0.plus(DAY).plusSeconds(1))).isInstanceOf(Ran.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRequestStillRunningHoldsItsKeyAndConcurrentRetriesDoNotRun() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> run("manager-1", "key-1", "fp", T0, QUOTA, () -> {
            running.countDown();
            await(finish);
            return created();
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        var retries = Concurrently.run(4, i -> run("manager-1", "key-1", "fp", T0));
        finish.countDown();

        assertThat(retries.failures()).isEmpty();
        assertThat(retries.results()).allMatch(InProgress.class::isInstance);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Ran(CREATED));
        assertThat(run("manager-1", "key-1", "fp", T0)).isEqualTo(new Replayed(CREATED));
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrentFirstRequestsOfOneKeyRunOnce() throws Exception {
        var outcomes = Concurrently.run(8, i -> run("manager-1", "race", "fp", T0));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(runs).hasValue(1);
        assertThat(outcomes.results()).filteredOn(Ran.class::isInstance).hasSize(1);
        assertThat(outcomes.results()).allMatch(outcome -> outcome instanceof Ran || outcome instanceof InProgress
                || outcome instanceof Replayed);
    }

    @Test
    void aFloodOfNewKeysStopsAtTheQuotaOfItsScope() {
        for (int i = 0; i < 5; i++) {
            assertThat(run("manager-1", "flood-" + i, "fp", T0, 5, this::created)).isInstanceOf(Ran.class);
        }

        assertThat(run("manager-1", "flood-5", "fp", T0, 5, this::created)).isEqualTo(new QuotaExceeded(5));
        assertThat(run("manager-1", "flood-3", "fp", T0, 5, this::created)).isEqualTo(new Replayed(CREATED));
        assertThat(run("manager-2", "flood-5", "fp", T0, 5, this::created)).isInstanceOf(Ran.class);
        assertThat(run("manager-1", "flood-5", "fp", T0.plus(DAY).plusSeconds(1), 5, this::created)).isInstanceOf(Ran.class);
        assertThat(runs).hasValue(7);
    }

    @Test
    void forgetsKeysClaimedBeforeTheCutoff() {
        run("manager-1", "old", "fp", T0.minus(DAY));
        run("manager-1", "recent", "fp", T0);

        assertThat(store.forgetClaimedBefore(T0.minusSeconds(60))).isEqualTo(1);

        assertThat(run("manager-1", "recent", "fp", T0)).isEqualTo(new Replayed(CREATED));
        assertThat(store.runOnce(new KeyedRequest("manager-1", "old", "other"),
                new KeyPolicy(T0, Duration.ofDays(3650), QUOTA), this::created)).isInstanceOf(Ran.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the request finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
