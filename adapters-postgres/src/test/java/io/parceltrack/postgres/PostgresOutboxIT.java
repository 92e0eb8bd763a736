package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.OutboxStoreContract;
import io.parceltrack.contract.ParcelPorts;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.notification.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOutboxIT extends OutboxStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }

    private ParcelEvent recordOneEvent(int second) {
        return recordOneEvent(ports, second);
    }

    @Test
    void keepsEachEventAsTheBrokersProtobufBesideItsIdAndTrackNumber() throws Exception {
        ParcelEvent event = recordOneEvent(1);

        Map<String, Object> row = DATABASE.jdbi().withHandle(handle -> handle
                .createQuery("SELECT event_id, track_number, payload FROM outbox")
                .mapToMap()
                .one());

        assertThat(row.get("event_id")).isEqualTo(event.id().value());
        assertThat(row.get("track_number")).isEqualTo(event.trackNumber().value());
        assertThat(Event.parseFrom((byte[]) row.get("payload"))).isEqualTo(ProtoMapping.toProto(event));
    }

    @Test
    void aDrainInAnotherProcessStandsAsideWhileOneIsPublishing() throws Exception {
        ParcelEvent first = recordOneEvent(1);
        ParcelEvent second = recordOneEvent(2);
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings())) {
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> outbox.drain(1, events -> {
                publishing.countDown();
                await(release);
            }));
            assertThat(publishing.await(30, TimeUnit.SECONDS)).isTrue();

            List<ParcelEvent> meanwhile = new ArrayList<>();
            int drainedMeanwhile = otherProcess.parcelStores(TestPayloads.PROTOBUF).outbox().drain(10, meanwhile::addAll);
            release.countDown();

            assertThat(drainedMeanwhile).isZero();
            assertThat(meanwhile).isEmpty();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            List<ParcelEvent> rest = new ArrayList<>();
            assertThat(otherProcess.parcelStores(TestPayloads.PROTOBUF).outbox().drain(10, rest::addAll)).isEqualTo(1);
            assertThat(rest).containsExactly(second).doesNotContain(first);
        }
    }

    private static ParcelEvent recordOneEvent(ParcelPorts in, int second) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        in.parcels().insertParcel(parcel);
        Checkpoint checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(second), ParcelStatus.IN_TRANSIT);
        return in.checkpoints()
                .recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint))
                .orElseThrow().event();
    }

    @Test
    void aProcessWithNoRelayOfItsOwnTellsTheOtherProcessesThroughNotify() throws Exception {
        CountDownLatch told = new CountDownLatch(1);
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings());
                PostgresDatabase recordingProcess = PostgresDatabase.open(DATABASE.settings())) {
            otherProcess.parcelStores(TestPayloads.PROTOBUF).outbox().onRecorded(told::countDown);
            // LISTEN runs on its own thread: give it a moment to be in place before the commit.
            Thread.sleep(500);

            recordOneEvent(ParcelPortsOnPostgres.of(recordingProcess), 1);

            assertThat(told.await(10, TimeUnit.SECONDS)).as("woken by NOTIFY").isTrue();
        }
    }

    @Test
    void aProcessWhoseRelayDrainsItsOwnEventsWakesNoOtherProcess() throws Exception {
        CountDownLatch toldElsewhere = new CountDownLatch(1);
        CountDownLatch toldHere = new CountDownLatch(1);
        try (PostgresDatabase otherProcess = PostgresDatabase.open(DATABASE.settings());
                PostgresDatabase recordingProcess = PostgresDatabase.open(DATABASE.settings())) {
            otherProcess.parcelStores(TestPayloads.PROTOBUF).outbox().onRecorded(toldElsewhere::countDown);
            ParcelPorts here = ParcelPortsOnPostgres.of(recordingProcess);
            List<ParcelEvent> drainedHere = new ArrayList<>();
            here.outbox().onRecorded(() -> {
                here.outbox().drain(10, drainedHere::addAll);
                toldHere.countDown();
            });
            Thread.sleep(500);

            ParcelEvent event = recordOneEvent(here, 1);

            assertThat(toldHere.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(drainedHere).containsExactly(event);
            // A NOTIFY leaves 10 ms after the commit; a hundred times that and nothing arrived.
            assertThat(toldElsewhere.await(1, TimeUnit.SECONDS)).as("woken by a NOTIFY").isFalse();
        }
    }

    @Test
    void aDrainThatFindsAnotherProcessDrainingTellsItToDrainAgain() throws Exception {
        recordOneEvent(1);
        CountDownLatch told = new CountDownLatch(1);
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (PostgresDatabase drainingProcess = PostgresDatabase.open(DATABASE.settings());
                PostgresDatabase recordingProcess = PostgresDatabase.open(DATABASE.settings())) {
            OutboxStore draining = drainingProcess.parcelStores(TestPayloads.PROTOBUF).outbox();
            draining.onRecorded(told::countDown);
            ParcelPorts here = ParcelPortsOnPostgres.of(recordingProcess);
            here.outbox().onRecorded(() -> { });
            Thread.sleep(500);
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> draining.drain(10, events -> {
                publishing.countDown();
                await(release);
            }));
            assertThat(publishing.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                assertThat(here.outbox().drain(10, events -> { })).isZero();
                assertThat(told.await(1, TimeUnit.SECONDS))
                        .as("told although nothing was recorded here that it could have missed").isFalse();

                ParcelEvent missed = recordOneEvent(here, 2);
                assertThat(here.outbox().drain(10, events -> { })).isZero();

                assertThat(told.await(10, TimeUnit.SECONDS)).as("woken by NOTIFY").isTrue();
                release.countDown();
                assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                List<ParcelEvent> drainedAgain = new ArrayList<>();
                assertThat(draining.drain(10, drainedAgain::addAll)).isEqualTo(1);
                assertThat(drainedAgain).containsExactly(missed);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void theDrainVacuumsTheOutboxSoThatItsReadsDoNotWalkThePublishedRows() {
        recordOneEvent(1);
        int events = PostgresOutbox.VACUUM_AFTER_EVENTS + 100;
        // Copies of the one event's row: the drain reads them like any other.
        DATABASE.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO outbox (event_id, track_number, payload)
                        SELECT gen_random_uuid(), track_number, payload FROM outbox, generate_series(2, :events)
                        """)
                .bind("events", events)
                .execute());

        int published = 0;
        int batch;
        do {
            batch = outbox.drain(500, drained -> { });
            published += batch;
        } while (batch > 0);

        assertThat(published).isEqualTo(events);
        // Without the vacuum the index entries of the 10,100 deleted rows fill ~30 leaf pages, which
        // every read of the oldest rows walks; after it only the last 100 are left in the way.
        assertThat(buffersToReadTheOldest()).isLessThanOrEqualTo(5);
        assertThat(outbox.drain(500, drained -> { })).isZero();
    }

    /** Buffers the drain's read of the oldest rows touches, planned as in the drain's transaction. */
    private static int buffersToReadTheOldest() {
        List<String> plan = DATABASE.jdbi().inTransaction(handle -> {
            handle.createQuery("SELECT " + PostgresOutbox.NO_SEQUENTIAL_SCANS).mapTo(String.class).one();
            return handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS false, TIMING false) "
                            + PostgresOutbox.OLDEST.replace(":limit", "200"))
                    .mapTo(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("Index Scan using outbox_pkey");
        Matcher buffers = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?").matcher(String.join("\n", plan));
        assertThat(buffers.find()).as("buffers in %s", plan).isTrue();
        return Integer.parseInt(buffers.group(1)) + (buffers.group(2) == null ? 0 : Integer.parseInt(buffers.group(2)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
