package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static io.parceltrack.contract.Fixtures.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.RecordCheckpointPort.CheckpointRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RecordCheckpointPort} must do: all or nothing, one parcel change at a time. */
public abstract class RecordCheckpointContract {
    protected ParcelPorts ports;

    protected abstract ParcelPorts newParcelPorts();

    @BeforeEach
    void createPorts() {
        ports = newParcelPorts();
    }

    private Parcel storedParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        ports.parcels().insertParcel(parcel);
        return parcel;
    }

    private List<ParcelEvent> drainOutbox() {
        List<ParcelEvent> events = new ArrayList<>();
        while (ports.outbox().drain(50, events::addAll) > 0) {
            // keep draining
        }
        return events;
    }

    @Test
    void storesTheCheckpointTheParcelChangeAndTheEventTogether() {
        Parcel parcel = storedParcel();
        Checkpoint checkpoint = checkpoint(T0.plusSeconds(60), ParcelStatus.IN_TRANSIT);
        CheckpointRecord expected = Fixtures.recordFor(parcel, checkpoint);

        var recorded = ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> expected);

        assertThat(recorded).contains(expected);
        assertThat(ports.parcels().findParcel(parcel.trackNumber())).contains(expected.parcel());
        assertThat(expected.parcel().status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(ports.parcels().findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(checkpoint);
        assertThat(drainOutbox()).containsExactly(expected.event());
    }

    @Test
    void decidesOnTheParcelAsCurrentlyStored() {
        Parcel parcel = storedParcel();
        Checkpoint first = checkpoint(T0.plusSeconds(60), ParcelStatus.IN_TRANSIT);
        ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, first));
        List<Parcel> seen = new ArrayList<>();

        ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> {
            seen.add(current);
            return Fixtures.recordFor(current, checkpoint(T0.plusSeconds(120), ParcelStatus.DELIVERED));
        });

        assertThat(seen).singleElement().satisfies(current -> {
            assertThat(current.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
            assertThat(current.lastCheckpointAt()).isEqualTo(first.time());
        });
    }

    @Test
    void doesNothingForAnAbsentParcel() {
        AtomicBoolean asked = new AtomicBoolean();

        var recorded = ports.checkpoints().recordCheckpoint(Fixtures.newTrackNumber(), current -> {
            asked.set(true);
            throw new AssertionError("must not be asked");
        });

        assertThat(recorded).isEmpty();
        assertThat(asked).isFalse();
        assertThat(drainOutbox()).isEmpty();
    }

    @Test
    void storesNothingWhenTheDecisionRefuses() {
        Parcel parcel = storedParcel();
        Checkpoint delivered = checkpoint(T0.plusSeconds(60), ParcelStatus.DELIVERED);
        ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, delivered));
        drainOutbox();
        Parcel afterDelivery = ports.parcels().findParcel(parcel.trackNumber()).orElseThrow();

        Checkpoint late = checkpoint(T0.plusSeconds(120), ParcelStatus.IN_TRANSIT);
        assertThatThrownBy(() -> ports.checkpoints()
                        .recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, late)))
                .isInstanceOf(ConflictException.class);

        assertThat(ports.parcels().findParcel(parcel.trackNumber())).contains(afterDelivery);
        assertThat(ports.parcels().findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(delivered);
        assertThat(drainOutbox()).isEmpty();
    }

    @Test
    void keepsTheStatusOfTheLatestCheckpointUnderConcurrentWriters() throws Exception {
        Parcel parcel = storedParcel();
        int writers = 8;
        int perWriter = 5;

        var outcomes = Concurrently.run(writers, writer -> {
            List<Checkpoint> written = new ArrayList<>();
            for (int i = 0; i < perWriter; i++) {
                // Times interleave across writers, so the latest one is written by whoever comes last.
                Checkpoint checkpoint = new Checkpoint(T0.plusSeconds(1 + (long) i * writers + writer),
                        "writer " + writer, "step " + i, ParcelStatus.IN_TRANSIT);
                ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint));
                written.add(checkpoint);
            }
            return written;
        });

        assertThat(outcomes.failures()).isEmpty();
        List<Checkpoint> all = outcomes.results().stream().flatMap(List::stream).toList();
        Checkpoint latest = all.stream().max(Comparator.comparing(Checkpoint::time)).orElseThrow();
        Parcel stored = ports.parcels().findParcel(parcel.trackNumber()).orElseThrow();
        assertThat(stored.lastCheckpointAt()).isEqualTo(latest.time());
        assertThat(stored.status()).isEqualTo(latest.status());
        assertThat(ports.parcels().findCheckpoints(parcel.trackNumber(), new PageRequest(1, 100)).items())
                .hasSize(writers * perWriter)
                .first().isEqualTo(latest);
        assertThat(drainOutbox()).hasSize(writers * perWriter);
    }

    @Test
    void aFinalCheckpointRacingOthersLeavesTheParcelFinal() throws Exception {
        Parcel parcel = storedParcel();

        var outcomes = Concurrently.run(6, writer -> {
            // The delivery is dated last, so it becomes the latest checkpoint whenever it lands.
            Checkpoint checkpoint = writer == 0
                    ? checkpoint(T0.plusSeconds(200), ParcelStatus.DELIVERED)
                    : checkpoint(T0.plusSeconds(100 + writer), ParcelStatus.IN_TRANSIT);
            ports.checkpoints().recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint));
            return checkpoint;
        });

        // Whatever came after the delivery was refused; whatever came before stays in the history.
        assertThat(outcomes.failures()).allMatch(ConflictException.class::isInstance);
        List<Checkpoint> history = ports.parcels()
                .findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items();
        assertThat(history).hasSize(outcomes.successes());
        assertThat(history).first().extracting(Checkpoint::status).isEqualTo(ParcelStatus.DELIVERED);
        assertThat(ports.parcels().findParcel(parcel.trackNumber()).orElseThrow().status())
                .isEqualTo(ParcelStatus.DELIVERED);
        assertThat(drainOutbox()).hasSize(outcomes.successes());
    }
}
