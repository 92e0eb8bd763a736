package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static io.parceltrack.contract.Fixtures.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.ParcelStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ParcelStore} must do. Extend it and return ports over an empty database. */
public abstract class ParcelStoreContract {
    protected ParcelPorts ports;
    protected ParcelStore store;

    protected abstract ParcelPorts newParcelPorts();

    @BeforeEach
    void createStore() {
        ports = newParcelPorts();
        store = ports.parcels();
    }

    private Parcel addCheckpoint(Parcel parcel, Checkpoint checkpoint) {
        return ports.checkpoints()
                .recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, checkpoint))
                .orElseThrow()
                .parcel();
    }

    @Test
    void findsAStoredParcelWithEveryField() {
        Parcel parcel = new Parcel(Fixtures.newTrackNumber(),
                new ParcelDetails("Ёлочные игрушки 🎄", "Zoë O'Brien", "Berlin, Unter den Linden 5\u00A0/ 2",
                        T0.plus(3, ChronoUnit.DAYS), "line one\nline two"),
                Fixtures.newId(), ParcelStatus.PENDING, T0, null);

        assertThat(store.insertParcel(parcel)).isTrue();

        assertThat(store.findParcel(parcel.trackNumber())).contains(parcel);
    }

    @Test
    void keepsAParcelsTrackNumberUnique() {
        Parcel first = Fixtures.parcel(Fixtures.newId());
        Parcel clash = Fixtures.parcel(Fixtures.newId(), first.trackNumber(), T0.plusSeconds(5));
        store.insertParcel(first);

        assertThat(store.insertParcel(clash)).isFalse();
        assertThat(store.findParcel(first.trackNumber())).contains(first);
    }

    @Test
    void findsNothingUnderAnUnknownTrackNumber() {
        assertThat(store.findParcel(Fixtures.newTrackNumber())).isEmpty();
    }

    @Test
    void deletesAParcelWithItsCheckpointsAndSubscriptions() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        store.insertParcel(parcel);
        addCheckpoint(parcel, checkpoint(T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));
        TelegramId follower = Fixtures.newId();
        ports.subscriptions().addSubscription(follower, parcel.trackNumber());

        assertThat(store.deleteParcel(parcel.trackNumber(), Fixtures::deletionOf)).isTrue();

        assertThat(store.findParcel(parcel.trackNumber())).isEmpty();
        assertThat(store.findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items()).isEmpty();
        assertThat(ports.subscriptions().isSubscribed(follower, parcel.trackNumber())).isFalse();
        assertThat(ports.subscriptions().findSubscribedParcels(follower, PageRequest.firstDefault()).items()).isEmpty();
        assertThat(ports.subscriptions().findSubscribers(parcel.trackNumber(), 0, 10)).isEmpty();
    }

    @Test
    void reportsDeletingAnAbsentParcel() {
        assertThat(store.deleteParcel(Fixtures.newTrackNumber(), Fixtures::deletionOf)).isFalse();
    }

    @Test
    void recordsTheDeletionsEventForTheOutboxWithTheParcelAsItWas() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        store.insertParcel(parcel);
        Parcel moving = addCheckpoint(parcel, checkpoint(T0.plusSeconds(60), ParcelStatus.IN_TRANSIT));
        drainOutbox();
        List<Parcel> decidedOn = new ArrayList<>();

        store.deleteParcel(parcel.trackNumber(), current -> {
            decidedOn.add(current);
            return Fixtures.deletionOf(current);
        });

        assertThat(decidedOn).containsExactly(moving);
        List<ParcelEvent> recorded = drainOutbox();
        assertThat(recorded).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(ParcelEvent.Kind.PARCEL_DELETED);
            assertThat(event.manager()).isEqualTo(parcel.owner());
            assertThat(event.statusBefore()).isEqualTo(ParcelStatus.IN_TRANSIT);
        });
    }

    @Test
    void aRefusedDeletionDeletesAndRecordsNothing() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        store.insertParcel(parcel);
        drainOutbox();

        assertThatThrownBy(() -> store.deleteParcel(parcel.trackNumber(), current -> {
            throw new AccessDeniedException("not yours");
        })).isInstanceOf(AccessDeniedException.class);

        assertThat(store.findParcel(parcel.trackNumber())).isPresent();
        assertThat(drainOutbox()).isEmpty();
    }

    private List<ParcelEvent> drainOutbox() {
        List<ParcelEvent> drained = new ArrayList<>();
        while (ports.outbox().drain(100, drained::addAll) > 0) {
            // until empty
        }
        return drained;
    }

    @Test
    void deletingOneParcelLeavesOthersAlone() {
        TelegramId owner = Fixtures.newId();
        Parcel kept = Fixtures.parcel(owner);
        Parcel deleted = Fixtures.parcel(owner);
        store.insertParcel(kept);
        store.insertParcel(deleted);
        addCheckpoint(kept, checkpoint(T0.plusSeconds(1), ParcelStatus.IN_TRANSIT));

        store.deleteParcel(deleted.trackNumber(), Fixtures::deletionOf);

        assertThat(store.findParcel(kept.trackNumber())).isPresent();
        assertThat(store.findCheckpoints(kept.trackNumber(), PageRequest.firstDefault()).items()).hasSize(1);
    }

    @Test
    void listsAManagersOwnParcelsNewestFirstInPages() {
        TelegramId owner = Fixtures.newId();
        List<Parcel> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Parcel parcel = Fixtures.parcel(owner, Fixtures.newTrackNumber(), T0.plus(i, ChronoUnit.MINUTES));
            store.insertParcel(parcel);
            created.add(0, parcel);
        }
        store.insertParcel(Fixtures.parcel(Fixtures.newId()));

        Page<Parcel> first = store.findParcelsByOwner(owner, new PageRequest(1, 2));
        Page<Parcel> second = store.findParcelsByOwner(owner, new PageRequest(2, 2));
        Page<Parcel> last = store.findParcelsByOwner(owner, new PageRequest(3, 2));

        assertThat(first.items()).containsExactly(created.get(0), created.get(1));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).containsExactly(created.get(2), created.get(3));
        assertThat(last.items()).containsExactly(created.get(4));
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void ordersParcelsCreatedAtTheSameInstantByInsertion() {
        TelegramId owner = Fixtures.newId();
        Parcel earlier = Fixtures.parcel(owner, Fixtures.newTrackNumber(), T0);
        Parcel later = Fixtures.parcel(owner, Fixtures.newTrackNumber(), T0);
        store.insertParcel(earlier);
        store.insertParcel(later);

        assertThat(store.findParcelsByOwner(owner, PageRequest.firstDefault()).items()).containsExactly(later, earlier);
    }

    @Test
    void listsNothingForAManagerWithoutParcels() {
        Page<Parcel> page = store.findParcelsByOwner(Fixtures.newId(), PageRequest.firstDefault());

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void listsCheckpointsNewestFirstInPages() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        store.insertParcel(parcel);
        Checkpoint oldest = checkpoint(T0.plusSeconds(10), ParcelStatus.PENDING);
        Checkpoint middle = checkpoint(T0.plusSeconds(20), ParcelStatus.IN_TRANSIT);
        Checkpoint newest = checkpoint(T0.plusSeconds(30), ParcelStatus.IN_TRANSIT);
        addCheckpoint(parcel, middle);
        addCheckpoint(parcel, newest);
        addCheckpoint(parcel, oldest);

        Page<Checkpoint> first = store.findCheckpoints(parcel.trackNumber(), new PageRequest(1, 2));
        Page<Checkpoint> second = store.findCheckpoints(parcel.trackNumber(), new PageRequest(2, 2));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void ordersCheckpointsAtTheSameTimeByRecording() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        store.insertParcel(parcel);
        Instant sameTime = T0.plusSeconds(10);
        Checkpoint first = new Checkpoint(sameTime, "A", "first", ParcelStatus.IN_TRANSIT);
        Checkpoint second = new Checkpoint(sameTime, "B", "second", ParcelStatus.IN_TRANSIT);
        addCheckpoint(parcel, first);
        addCheckpoint(parcel, second);

        assertThat(store.findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(second, first);
    }

    @Test
    void keepsCheckpointsOfParcelsApart() {
        TelegramId owner = Fixtures.newId();
        Parcel one = Fixtures.parcel(owner);
        Parcel other = Fixtures.parcel(owner);
        store.insertParcel(one);
        store.insertParcel(other);
        Checkpoint ofOne = checkpoint(T0.plusSeconds(1), ParcelStatus.IN_TRANSIT);
        addCheckpoint(one, ofOne);

        assertThat(store.findCheckpoints(one.trackNumber(), PageRequest.firstDefault()).items()).containsExactly(ofOne);
        assertThat(store.findCheckpoints(other.trackNumber(), PageRequest.firstDefault()).items()).isEmpty();
    }

    @Test
    void listsNoCheckpointsOfAnAbsentParcel() {
        TrackNumber absent = Fixtures.newTrackNumber();

        assertThat(store.findCheckpoints(absent, PageRequest.firstDefault()).items()).isEmpty();
    }
}
