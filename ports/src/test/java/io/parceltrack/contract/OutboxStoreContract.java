package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} must do: in order, exactly once per successful drain, never lost. */
public abstract class OutboxStoreContract {
    protected ParcelPorts ports;
    protected OutboxStore outbox;

    protected abstract ParcelPorts newParcelPorts();

    @BeforeEach
    void createStore() {
        ports = newParcelPorts();
        outbox = ports.outbox();
    }

    /** Records {@code count} checkpoints on one new parcel and returns their events in recording order. */
    private List<ParcelEvent> recordEvents(int count) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ports.parcels().insertParcel(parcel);
        List<ParcelEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Checkpoint checkpoint = Fixtures.checkpoint(T0.plusSeconds(i + 1), ParcelStatus.IN_TRANSIT);
            events.add(ports.checkpoints()
                    .recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint))
                    .orElseThrow().event());
        }
        return events;
    }

    @Test
    void tellsItsListenersOnceRecordedEventsCanBeDrained() throws Exception {
        List<ParcelEvent> seenWhenTold = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch told = new CountDownLatch(1);
        outbox.onRecorded(() -> {
            if (told.getCount() > 0) {
                outbox.drain(10, seenWhenTold::addAll);
                told.countDown();
            }
        });

        List<ParcelEvent> recorded = recordEvents(1);

        assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seenWhenTold).containsExactlyElementsOf(recorded);
    }

    @Test
    void handsOnTheTraceEachEventWasRecordedIn() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ports.parcels().insertParcel(parcel);
        String traced = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Checkpoint first = Fixtures.checkpoint(T0.plusSeconds(1), ParcelStatus.IN_TRANSIT);
        ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
            RecordCheckpointPort.CheckpointRecord record = Fixtures.recordFor(current, first);
            return new RecordCheckpointPort.CheckpointRecord(record.parcel(), record.checkpoint(),
                    record.event().withTrace(traced));
        });
        Checkpoint second = Fixtures.checkpoint(T0.plusSeconds(2), ParcelStatus.IN_TRANSIT);
        ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, second));
        String deletionTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
        ports.parcels().deleteParcel(parcel.trackNumber(),
                current -> Fixtures.deletionOf(current).withTrace(deletionTrace));

        List<ParcelEvent> published = new ArrayList<>();
        outbox.drain(10, published::addAll);

        assertThat(published).extracting(ParcelEvent::trace).containsExactly(traced, null, deletionTrace);
    }

    @Test
    void drainsNothingWhenEmpty() {
        List<ParcelEvent> published = new ArrayList<>();

        assertThat(outbox.drain(10, published::addAll)).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void keepsWhatALateCheckpointDidToItsParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ports.parcels().insertParcel(parcel);
        for (Checkpoint checkpoint : List.of(Fixtures.checkpoint(T0.plusSeconds(7200), ParcelStatus.IN_TRANSIT),
                Fixtures.checkpoint(T0, ParcelStatus.DELIVERED))) {
            ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint));
        }
        List<ParcelEvent> published = new ArrayList<>();

        outbox.drain(10, published::addAll);

        assertThat(published).extracting(ParcelEvent::effect).containsExactly(
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, false), new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
    }

    @Test
    void drainsEventsInRecordingOrderAndOnlyOnce() {
        List<ParcelEvent> recorded = recordEvents(5);
        List<ParcelEvent> published = new ArrayList<>();

        assertThat(outbox.drain(10, published::addAll)).isEqualTo(5);
        assertThat(outbox.drain(10, published::addAll)).isZero();

        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void drainsAtMostTheLimitOldestFirst() {
        List<ParcelEvent> recorded = recordEvents(5);
        List<List<ParcelEvent>> batches = new ArrayList<>();

        outbox.drain(2, batches::add);
        outbox.drain(2, batches::add);
        outbox.drain(2, batches::add);

        assertThat(batches).containsExactly(recorded.subList(0, 2), recorded.subList(2, 4), recorded.subList(4, 5));
    }

    @Test
    void keepsEventsWhenPublishingFails() {
        List<ParcelEvent> recorded = recordEvents(3);

        assertThatThrownBy(() -> outbox.drain(10, events -> {
            throw new IllegalStateException("broker down");
        })).hasMessage("broker down");

        List<ParcelEvent> published = new ArrayList<>();
        outbox.drain(10, published::addAll);
        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void keepsEventsRecordedWhilePublishing() throws Exception {
        recordEvents(2);
        List<ParcelEvent> late = new ArrayList<>();

        outbox.drain(10, events -> late.addAll(recordEvents(1)));

        List<ParcelEvent> published = new ArrayList<>();
        outbox.drain(10, published::addAll);
        assertThat(published).containsExactlyElementsOf(late);
    }

    @Test
    void concurrentDrainsPublishEachEventOnce() throws Exception {
        List<ParcelEvent> recorded = recordEvents(40);
        List<ParcelEvent> published = Collections.synchronizedList(new ArrayList<>());

        var outcomes = Concurrently.run(4, drainer -> {
            int total = 0;
            for (int round = 0; round < 20; round++) {
                total += outbox.drain(3, published::addAll);
            }
            return total;
        });

        assertThat(outcomes.failures()).isEmpty();
        while (outbox.drain(10, published::addAll) > 0) {
            // collect what the racing drainers left
        }
        assertThat(published).containsExactlyElementsOf(recorded);
    }

    @Test
    void aSecondDrainDoesNotOvertakeOneInProgress() throws Exception {
        List<ParcelEvent> recorded = recordEvents(2);
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ParcelEvent> first = Collections.synchronizedList(new ArrayList<>());
        Thread slow = new Thread(() -> outbox.drain(1, events -> {
            publishing.countDown();
            awaitQuietly(release);
            first.addAll(events);
        }));
        slow.start();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        List<ParcelEvent> second = new ArrayList<>();
        int drainedMeanwhile = outbox.drain(10, second::addAll);
        release.countDown();
        slow.join(10_000);

        // The second drain stands aside instead of publishing ahead of the first.
        assertThat(drainedMeanwhile).isZero();
        assertThat(second).isEmpty();
        assertThat(first).containsExactly(recorded.get(0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
