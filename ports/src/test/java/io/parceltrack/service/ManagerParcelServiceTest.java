package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ManagerParcelServiceTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final ManagerParcelService service = serviceWith(new SecureRandom());
    private final TelegramId manager = Fixtures.newId();
    private final TelegramId otherManager = Fixtures.newId();

    private ManagerParcelService serviceWith(RandomGenerator random) {
        return new ManagerParcelService(database, database, clock, random);
    }

    private Parcel addParcel(TelegramId owner) {
        return service.addParcel(new AddParcelCommand(owner, Fixtures.details("Phone case")));
    }

    private Parcel addCheckpoint(TelegramId actor, TrackNumber trackNumber, Checkpoint checkpoint) {
        return service.addCheckpoint(new AddCheckpointCommand(actor, trackNumber, checkpoint));
    }

    private List<ParcelEvent> outbox() {
        List<ParcelEvent> events = new ArrayList<>();
        database.drain(1000, events::addAll);
        return events;
    }

    @Test
    void addsAPendingParcelUnderAFreshTrackNumber() {
        Parcel parcel = addParcel(manager);

        assertThat(parcel.status()).isEqualTo(ParcelStatus.PENDING);
        assertThat(parcel.owner()).isEqualTo(manager);
        assertThat(parcel.createdAt()).isEqualTo(T0);
        assertThat(database.findParcel(parcel.trackNumber())).contains(parcel);
    }

    @Test
    void retriesATrackNumberCollisionSilently() {
        Parcel taken = Fixtures.parcel(otherManager, TrackNumber.generate(new Random(42)), T0);
        database.insertParcel(taken);

        Parcel parcel = serviceWith(new Random(42)).addParcel(new AddParcelCommand(manager, Fixtures.details("Lamp")));

        assertThat(parcel.trackNumber()).isNotEqualTo(taken.trackNumber());
        assertThat(database.findParcel(taken.trackNumber())).contains(taken);
    }

    @Test
    void givesUpWhenEveryAttemptCollides() {
        RandomGenerator stuck = () -> 0L;
        database.insertParcel(Fixtures.parcel(otherManager, TrackNumber.generate(stuck), T0));

        assertThatThrownBy(() -> serviceWith(stuck).addParcel(new AddParcelCommand(manager, Fixtures.details("Lamp"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("track number");
    }

    @Test
    void showsAManagerOnlyTheirOwnParcels() {
        Parcel mine = addParcel(manager);

        assertThat(service.getOwnParcel(manager, mine.trackNumber())).isEqualTo(mine);
        assertThatThrownBy(() -> service.getOwnParcel(otherManager, mine.trackNumber()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.getOwnParcel(manager, Fixtures.newTrackNumber()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
    }

    @Test
    void listsOwnParcelsNewestFirst() {
        Parcel older = addParcel(manager);
        clock.advance(Duration.ofMinutes(1));
        Parcel newer = addParcel(manager);
        addParcel(otherManager);

        assertThat(service.listOwnParcels(manager, PageRequest.firstDefault()).items()).containsExactly(newer, older);
    }

    @Test
    void deletesOwnParcelsOnly() {
        Parcel mine = addParcel(manager);

        assertThatThrownBy(() -> service.deleteParcel(otherManager, mine.trackNumber()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(database.findParcel(mine.trackNumber())).isPresent();

        service.deleteParcel(manager, mine.trackNumber());
        assertThat(database.findParcel(mine.trackNumber())).isEmpty();
        assertThatThrownBy(() -> service.deleteParcel(manager, mine.trackNumber())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCheckpointUpdatesTheStatusAndSchedulesItsEvent() {
        Parcel parcel = addParcel(manager);
        Checkpoint checkpoint = Fixtures.checkpoint(T0.minusSeconds(60), ParcelStatus.IN_TRANSIT);

        Parcel updated = addCheckpoint(manager, parcel.trackNumber(), checkpoint);

        assertThat(updated.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(service.listOwnParcelCheckpoints(manager, parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(checkpoint);
        assertThat(outbox()).singleElement().satisfies(event -> {
            assertThat(event.trackNumber()).isEqualTo(parcel.trackNumber());
            assertThat(event.parcelName()).isEqualTo("Phone case");
            assertThat(event.checkpoint()).isEqualTo(checkpoint);
            assertThat(event.occurredAt()).isEqualTo(T0);
        });
    }

    @Test
    void aBackDatedCheckpointKeepsTheStatusAndItsEventSaysSo() {
        Parcel parcel = addParcel(manager);
        addCheckpoint(manager, parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));
        Checkpoint late = Fixtures.checkpoint(T0.minus(Duration.ofHours(2)), ParcelStatus.DELIVERED);

        Parcel updated = addCheckpoint(manager, parcel.trackNumber(), late);

        assertThat(updated.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(outbox()).extracting(ParcelEvent::effect).containsExactly(
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, false),
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
    }

    @Test
    void rejectsCheckpointAfterDelivered() {
        Parcel parcel = addParcel(manager);
        addCheckpoint(manager, parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.DELIVERED));
        outbox();

        assertThatThrownBy(() -> addCheckpoint(manager, parcel.trackNumber(),
                        Fixtures.checkpoint(T0.plusSeconds(1), ParcelStatus.IN_TRANSIT)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("DELIVERED");
        assertThat(outbox()).isEmpty();
        assertThat(database.findParcel(parcel.trackNumber()).orElseThrow().status()).isEqualTo(ParcelStatus.DELIVERED);
    }

    @Test
    void refusesCheckpointsOnAnotherManagersParcelAndRecordsNothing() {
        Parcel parcel = addParcel(manager);

        assertThatThrownBy(() -> addCheckpoint(otherManager, parcel.trackNumber(),
                        Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(outbox()).isEmpty();
        assertThat(database.findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items()).isEmpty();
    }

    @Test
    void refusesCheckpointsOnAnAbsentParcel() {
        assertThatThrownBy(() -> addCheckpoint(manager, Fixtures.newTrackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
    }

    @Test
    void refusesCheckpointsDatedMoreThanADayAhead() {
        Parcel parcel = addParcel(manager);

        addCheckpoint(manager, parcel.trackNumber(), Fixtures.checkpoint(T0.plus(Duration.ofHours(24)), ParcelStatus.IN_TRANSIT));
        assertThatThrownBy(() -> addCheckpoint(manager, parcel.trackNumber(),
                        Fixtures.checkpoint(T0.plus(Duration.ofHours(24)).plusSeconds(1), ParcelStatus.IN_TRANSIT)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("time"));
    }

    @Test
    void listsCheckpointsOfOwnParcelsOnly() {
        Parcel parcel = addParcel(manager);

        assertThatThrownBy(() -> service.listOwnParcelCheckpoints(otherManager, parcel.trackNumber(), PageRequest.firstDefault()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.listOwnParcelCheckpoints(manager, Fixtures.newTrackNumber(), PageRequest.firstDefault()))
                .isInstanceOf(NotFoundException.class);
    }
}
