package io.parceltrack.postgres;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.ParcelPorts;
import io.parceltrack.contract.RecordCheckpointContract;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.IdempotencyStore.KeyPolicy;
import io.parceltrack.port.out.IdempotencyStore.KeyedRequest;
import io.parceltrack.port.out.RecordCheckpointPort.CheckpointRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCheckpointRecorderIT extends RecordCheckpointContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }

    /** Runs {@code action} once, the first time a checkpoint's parcel has been read. */
    private static final class BetweenReadAndWrite implements UnitOfWorkSteps {
        private final AtomicBoolean armed = new AtomicBoolean(true);
        private final Consumer<Handle> action;

        BetweenReadAndWrite(Consumer<Handle> action) {
            this.action = action;
        }

        @Override
        public void reached(Step step, Handle handle) {
            if (step == Step.PARCEL_READ && armed.compareAndSet(true, false)) {
                action.accept(handle);
            }
        }
    }

    /** Runs the next of its actions each time a checkpoint's parcel has been read (locked or not). */
    private static final class AtEachRead implements UnitOfWorkSteps {
        private final Deque<Consumer<Handle>> actions;

        @SafeVarargs
        AtEachRead(Consumer<Handle>... actions) {
            this.actions = new ArrayDeque<>(List.of(actions));
        }

        @Override
        public void reached(Step step, Handle handle) {
            if (step == Step.PARCEL_READ && !actions.isEmpty()) {
                actions.poll().accept(handle);
            }
        }
    }

    private static boolean lockableElsewhere(Parcel parcel) {
        return DATABASE.jdbi().withHandle(admin -> admin.inTransaction(transaction -> transaction
                .createQuery("SELECT id FROM parcels WHERE track_number = :trackNumber FOR NO KEY UPDATE SKIP LOCKED")
                .bind("trackNumber", parcel.trackNumber().value()).mapTo(Long.class).findOne().isPresent()));
    }

    private static Parcel storedParcel(ParcelStores stores) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        stores.parcels().insertParcel(parcel);
        return parcel;
    }

    private static int rows(String sql, Parcel parcel) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(sql)
                .bind("trackNumber", parcel.trackNumber().value()).mapTo(Integer.class).one());
    }

    private static int checkpointsOf(Parcel parcel) {
        return rows("SELECT count(*) FROM checkpoints c JOIN parcels p ON p.id = c.parcel_id WHERE p.track_number = :trackNumber", parcel);
    }

    private static int eventsOf(Parcel parcel) {
        return rows("SELECT count(*) FROM outbox WHERE track_number = :trackNumber", parcel);
    }

    @Test
    void aCheckpointWhoseParcelChangedAfterItsReadIsDecidedAgainOnTheNewState() {
        Checkpoint later = Fixtures.checkpoint(T0.plusSeconds(120), ParcelStatus.IN_TRANSIT);
        Checkpoint earlier = Fixtures.checkpoint(T0.plusSeconds(60), ParcelStatus.PENDING);
        // Another process's checkpoint of the same parcel commits between our read and our write.
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings())) {
            ParcelStores others = otherProcess.parcelStores(TestPayloads.PROTOBUF);
            Parcel parcel = storedParcel(others);
            ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF, new BetweenReadAndWrite(handle ->
                    others.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, later))));
            List<Parcel> decidedOn = new ArrayList<>();

            Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
                decidedOn.add(current);
                return Fixtures.recordFor(current, earlier);
            });

            assertThat(decidedOn).extracting(Parcel::status).containsExactly(ParcelStatus.PENDING, ParcelStatus.IN_TRANSIT);
            // Decided on the stale state, ours would have set the parcel back to PENDING at T0+60.
            assertThat(recorded.map(CheckpointRecord::parcel).map(Parcel::status)).contains(ParcelStatus.IN_TRANSIT);
            Parcel stored = others.parcels().findParcel(parcel.trackNumber()).orElseThrow();
            assertThat(stored.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
            assertThat(stored.lastCheckpointAt()).isEqualTo(later.time());
            assertThat(checkpointsOf(parcel)).isEqualTo(2);
            assertThat(eventsOf(parcel)).isEqualTo(2);
        }
    }

    @Test
    void aParcelDeletedAfterTheReadGetsNoCheckpointAndNoEvent() {
        ParcelStores others = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        Parcel parcel = storedParcel(others);
        ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF, new BetweenReadAndWrite(handle ->
                DATABASE.jdbi().useHandle(admin -> admin.createUpdate("DELETE FROM parcels WHERE track_number = :trackNumber")
                        .bind("trackNumber", parcel.trackNumber().value()).execute())));

        Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(60), ParcelStatus.IN_TRANSIT)));

        assertThat(recorded).isEmpty();
        assertThat(eventsOf(parcel)).isZero();
        // The parcel's own checkpoints went with it (cascade); the test's database holds no other.
        int checkpoints = DATABASE.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM checkpoints")
                .mapTo(Integer.class).one());
        assertThat(checkpoints).isZero();
    }

    @Test
    void theParcelIsNotLockedWhileTheDecisionIsMade() {
        ParcelStores others = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        Parcel parcel = storedParcel(others);
        List<Boolean> lockableMeanwhile = new ArrayList<>();
        ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF,
                new BetweenReadAndWrite(handle -> lockableMeanwhile.add(lockableElsewhere(parcel))));
        Instant time = T0.plusSeconds(60);

        ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(time, ParcelStatus.IN_TRANSIT)));

        assertThat(lockableMeanwhile).containsExactly(true);
        assertThat(checkpointsOf(parcel)).isEqualTo(1);
        assertThat(eventsOf(parcel)).isEqualTo(1);
    }

    @Test
    void afterALostRaceTheParcelsNextCheckpointTakesTheRowLockAtOnce() {
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings())) {
            ParcelStores others = otherProcess.parcelStores(TestPayloads.PROTOBUF);
            Parcel parcel = storedParcel(others);
            List<Boolean> lockableWhileDeciding = new ArrayList<>();
            ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF, new AtEachRead(
                    // First checkpoint: another process's checkpoint commits after our read...
                    handle -> others.checkpoints().recordCheckpoint(parcel.trackNumber(), current ->
                            Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(10), ParcelStatus.IN_TRANSIT))),
                    // ...so it is read again under the lock; the second checkpoint goes straight there.
                    handle -> lockableWhileDeciding.add(lockableElsewhere(parcel)),
                    handle -> lockableWhileDeciding.add(lockableElsewhere(parcel))));

            ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                    current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(20), ParcelStatus.IN_TRANSIT)));
            ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                    current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(30), ParcelStatus.IN_TRANSIT)));

            assertThat(lockableWhileDeciding).containsExactly(false, false);
            assertThat(checkpointsOf(parcel)).isEqualTo(3);
            assertThat(eventsOf(parcel)).isEqualTo(3);
        }
    }

    @Test
    void aParcelThisProcessWroteLastIsDecidedOnAsItWasLeftWithoutReadingIt() {
        ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        Parcel parcel = storedParcel(ours);
        ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(10), ParcelStatus.IN_TRANSIT)));
        Parcel remembered = ours.checkpoints().recentParcels().get(parcel.trackNumber()).orElseThrow().parcel();
        List<Parcel> decidedOn = new ArrayList<>();

        Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
            decidedOn.add(current);
            return Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(20), ParcelStatus.PENDING));
        });

        // The very object the first write left: a read would have made a new one.
        assertThat(decidedOn).hasSize(1);
        assertThat(decidedOn.get(0)).isSameAs(remembered);
        assertThat(remembered.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(recorded.map(CheckpointRecord::parcel).map(Parcel::status)).contains(ParcelStatus.PENDING);
        assertThat(ours.parcels().findParcel(parcel.trackNumber()).orElseThrow())
                .isEqualTo(ours.checkpoints().recentParcels().get(parcel.trackNumber()).orElseThrow().parcel());
        assertThat(checkpointsOf(parcel)).isEqualTo(2);
        assertThat(eventsOf(parcel)).isEqualTo(2);
    }

    /**
     * Runs {@code test} on a parcel whose checkpoint at T0+10 (IN_TRANSIT) {@code ours} wrote and
     * remembers, after which another process recorded one at T0+30 (PENDING).
     */
    private static void onParcelRememberedHereAndChangedThere(BiConsumer<ParcelStores, Parcel> test) {
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings())) {
            ParcelStores others = otherProcess.parcelStores(TestPayloads.PROTOBUF);
            ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
            Parcel parcel = storedParcel(ours);
            ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                    current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(10), ParcelStatus.IN_TRANSIT)));
            others.checkpoints().recordCheckpoint(parcel.trackNumber(),
                    current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(30), ParcelStatus.PENDING)));
            test.accept(ours, parcel);
        }
    }

    @Test
    void aRememberedParcelAnotherProcessChangedSinceIsDecidedAgainOnTheRowAsItIs() {
        onParcelRememberedHereAndChangedThere((ours, parcel) -> {
            List<Parcel> decidedOn = new ArrayList<>();

            // Earlier than the other process's checkpoint: decided on our stale memory it would set the status back.
            Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
                decidedOn.add(current);
                return Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(20), ParcelStatus.IN_TRANSIT));
            });

            assertThat(decidedOn).extracting(Parcel::status)
                    .as("the memory, then the row the write found, and no locking attempt after that")
                    .containsExactly(ParcelStatus.IN_TRANSIT, ParcelStatus.PENDING);
            assertThat(recorded.map(CheckpointRecord::parcel).map(Parcel::status)).contains(ParcelStatus.PENDING);
            Parcel stored = ours.parcels().findParcel(parcel.trackNumber()).orElseThrow();
            assertThat(stored.status()).isEqualTo(ParcelStatus.PENDING);
            assertThat(stored.lastCheckpointAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(checkpointsOf(parcel)).isEqualTo(3);
            assertThat(eventsOf(parcel)).isEqualTo(3);
        });
    }

    @Test
    void aDecisionRefusingARememberedParcelIsAskedAgainOnTheRowAsItIs() {
        onParcelRememberedHereAndChangedThere((ours, parcel) -> {
            List<Parcel> decidedOn = new ArrayList<>();

            Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
                decidedOn.add(current);
                if (current.status() != ParcelStatus.PENDING) {
                    throw new IllegalStateException("only a pending parcel may be delivered here");
                }
                return Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(40), ParcelStatus.DELIVERED));
            });

            assertThat(decidedOn).extracting(Parcel::status)
                    .containsExactly(ParcelStatus.IN_TRANSIT, ParcelStatus.PENDING);
            assertThat(recorded.map(CheckpointRecord::parcel).map(Parcel::status)).contains(ParcelStatus.DELIVERED);
            assertThat(checkpointsOf(parcel)).isEqualTo(3);
        });
    }

    @Test
    void aRememberedParcelDeletedAndCreatedAgainGetsTheCheckpointOnItsNewRow() {
        ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        Parcel parcel = storedParcel(ours);
        ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(10), ParcelStatus.IN_TRANSIT)));
        DATABASE.jdbi().useHandle(admin -> admin.createUpdate("DELETE FROM parcels WHERE track_number = :trackNumber")
                .bind("trackNumber", parcel.trackNumber().value()).execute());

        assertThat(ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(20), ParcelStatus.IN_TRANSIT))))
                .as("the remembered row is gone, and no parcel has its track number").isEmpty();
        assertThat(eventsOf(parcel)).isEqualTo(1);

        ours.parcels().insertParcel(parcel);
        Optional<CheckpointRecord> recorded = ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(30), ParcelStatus.PENDING)));

        assertThat(recorded.map(CheckpointRecord::parcel).map(Parcel::status)).contains(ParcelStatus.PENDING);
        assertThat(checkpointsOf(parcel)).as("the new row's checkpoints").isEqualTo(1);
        assertThat(eventsOf(parcel)).isEqualTo(2);
    }

    @Test
    void aParcelWrittenInATransactionThatRolledBackIsNotRemembered() {
        ParcelStores ours = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);
        Parcel parcel = storedParcel(ours);
        RuntimeException rollBack = new IllegalStateException("the caller's transaction fails after the checkpoint");

        assertThatThrownBy(() -> ours.idempotency().runOnce(
                new KeyedRequest(parcel.owner().toString(), "key-" + parcel.trackNumber(), "fingerprint"),
                new KeyPolicy(T0, Duration.ofDays(1), 1000), () -> {
                    ours.checkpoints().recordCheckpoint(parcel.trackNumber(), current ->
                            Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(10), ParcelStatus.IN_TRANSIT)));
                    throw rollBack;
                })).isSameAs(rollBack);

        assertThat(ours.checkpoints().recentParcels().get(parcel.trackNumber())).isEmpty();
        assertThat(checkpointsOf(parcel)).isZero();
        ours.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> Fixtures.recordFor(current, Fixtures.checkpoint(T0.plusSeconds(20), ParcelStatus.IN_TRANSIT)));
        assertThat(ours.checkpoints().recentParcels().get(parcel.trackNumber())).isPresent();
        assertThat(checkpointsOf(parcel)).isEqualTo(1);
    }
}
