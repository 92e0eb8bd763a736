package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Concurrently;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.out.IdempotencyStore.InProgress;
import io.parceltrack.port.out.IdempotencyStore.KeyPolicy;
import io.parceltrack.port.out.IdempotencyStore.KeyedRequest;
import io.parceltrack.port.out.IdempotencyStore.Outcome;
import io.parceltrack.port.out.IdempotencyStore.Ran;
import io.parceltrack.port.out.IdempotencyStore.Replayed;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import io.parceltrack.service.ManagerParcelService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19 on the real database: a keyed checkpoint whose request dies between any two steps of
 * its unit of work (its database session ended, as when the process is killed) is retried with the
 * same key, and the retry converges at once: exactly one checkpoint, one outbox event, one kept
 * answer, and no key left "in use".
 */
class CrashSafeIdempotencyIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Clock CLOCK = Clock.fixed(Fixtures.T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    private static final StoredResponse CREATED = new StoredResponse(201, Map.of(), "{\"parcel_status\":\"IN_TRANSIT\"}");

    /** Ends the session of the transaction at one chosen step, once: a crash at that instant. */
    private static final class Crash implements UnitOfWorkSteps {
        private final Step at;
        private final AtomicBoolean armed = new AtomicBoolean(true);

        Crash(Step at) {
            this.at = at;
        }

        @Override
        public void reached(Step step, Handle handle) {
            if (step == at && armed.compareAndSet(true, false)) {
                long pid = handle.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one();
                DATABASE.jdbi().useHandle(admin -> {
                    admin.createQuery("SELECT pg_terminate_backend(:pid)").bind("pid", pid).mapTo(Boolean.class).one();
                    while (admin.createQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
                            .bind("pid", pid).mapTo(Integer.class).one() > 0) {
                        Thread.onSpinWait();
                    }
                });
            }
        }
    }

    private static int count(String sql, String trackNumber) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(sql).bind("trackNumber", trackNumber)
                .mapTo(Integer.class).one());
    }

    private static int checkpointsOf(Parcel parcel) {
        return count("SELECT count(*) FROM checkpoints c JOIN parcels p ON p.id = c.parcel_id WHERE p.track_number = :trackNumber",
                parcel.trackNumber().value());
    }

    private static int eventsOf(Parcel parcel) {
        return count("SELECT count(*) FROM outbox WHERE track_number = :trackNumber", parcel.trackNumber().value());
    }

    private static Outcome postCheckpoint(ParcelStores stores, ManagerParcelService service, Parcel parcel, KeyedRequest key) {
        AddCheckpointCommand command = new AddCheckpointCommand(parcel.owner(), parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));
        return stores.idempotency().runOnce(key, new KeyPolicy(CLOCK.instant(), Duration.ofDays(1), 1000), () -> {
            service.addCheckpoint(command);
            return CREATED;
        });
    }

    @ParameterizedTest
    @EnumSource(UnitOfWorkSteps.Step.class)
    void aRequestKilledAtAnyStepIsCompletedOnceByItsRetry(UnitOfWorkSteps.Step step) {
        ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF, new Crash(step));
        ManagerParcelService service = new ManagerParcelService(stores.parcels(), stores.checkpoints(), CLOCK, new SecureRandom());
        Parcel parcel = service.addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Tent")));
        KeyedRequest key = new KeyedRequest(parcel.owner().toString(), UUID.randomUUID().toString(), "fingerprint");

        assertThatThrownBy(() -> postCheckpoint(stores, service, parcel, key)).isInstanceOf(RuntimeException.class);
        assertThat(checkpointsOf(parcel)).as("nothing of the killed request is left").isZero();

        long retried = System.nanoTime();
        Outcome retry = postCheckpoint(stores, service, parcel, key);
        Duration took = Duration.ofNanos(System.nanoTime() - retried);

        assertThat(retry).isEqualTo(new Ran(CREATED));
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(postCheckpoint(stores, service, parcel, key)).isEqualTo(new Replayed(CREATED));
        assertThat(checkpointsOf(parcel)).isEqualTo(1);
        assertThat(eventsOf(parcel)).isEqualTo(1);
    }

    @Test
    void workThatFailsAfterRecordingRollsTheCheckpointBackWithTheKey() {
        ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        ManagerParcelService service = new ManagerParcelService(stores.parcels(), stores.checkpoints(), CLOCK, new SecureRandom());
        Parcel parcel = service.addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Tent")));
        KeyedRequest key = new KeyedRequest(parcel.owner().toString(), UUID.randomUUID().toString(), "fingerprint");
        AddCheckpointCommand command = new AddCheckpointCommand(parcel.owner(), parcel.trackNumber(),
                Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));

        assertThatThrownBy(() -> stores.idempotency().runOnce(key, new KeyPolicy(CLOCK.instant(), Duration.ofDays(1), 1000), () -> {
            service.addCheckpoint(command);
            throw new IllegalStateException("rendering the answer failed");
        })).hasMessage("rendering the answer failed");

        assertThat(checkpointsOf(parcel)).isZero();
        assertThat(eventsOf(parcel)).isZero();
        assertThat(postCheckpoint(stores, service, parcel, key)).isEqualTo(new Ran(CREATED));
        assertThat(checkpointsOf(parcel)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneKeyRecordOneCheckpoint() throws Exception {
        ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        ManagerParcelService service = new ManagerParcelService(stores.parcels(), stores.checkpoints(), CLOCK, new SecureRandom());
        Parcel parcel = service.addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Tent")));
        KeyedRequest key = new KeyedRequest(parcel.owner().toString(), UUID.randomUUID().toString(), "fingerprint");

        var outcomes = Concurrently.run(8, i -> postCheckpoint(stores, service, parcel, key));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).filteredOn(Ran.class::isInstance).hasSize(1);
        assertThat(outcomes.results()).allMatch(outcome -> outcome instanceof Ran || outcome instanceof InProgress
                || outcome instanceof Replayed);
        assertThat(checkpointsOf(parcel)).isEqualTo(1);
        assertThat(postCheckpoint(stores, service, parcel, key)).isEqualTo(new Replayed(CREATED));
    }
}
