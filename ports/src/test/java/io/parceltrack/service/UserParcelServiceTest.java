package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Concurrently;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryParcelDatabase;
import org.junit.jupiter.api.Test;

class UserParcelServiceTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final UserParcelService service = new UserParcelService(database, database);
    private final TelegramId user = Fixtures.newId();

    private Parcel storedParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        return parcel;
    }

    @Test
    void anyoneWithTheTrackNumberSeesTheParcelAndWhetherTheyFollowIt() {
        Parcel parcel = storedParcel();

        assertThat(service.viewParcel(user, parcel.trackNumber()).subscribed()).isFalse();
        service.subscribe(user, parcel.trackNumber());
        assertThat(service.viewParcel(user, parcel.trackNumber()).parcel()).isEqualTo(parcel);
        assertThat(service.viewParcel(user, parcel.trackNumber()).subscribed()).isTrue();
        assertThat(service.viewParcel(Fixtures.newId(), parcel.trackNumber()).subscribed()).isFalse();
    }

    @Test
    void anAbsentParcelIsNotFound() {
        TrackNumber absent = Fixtures.newTrackNumber();

        assertThatThrownBy(() -> service.viewParcel(user, absent))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
        assertThatThrownBy(() -> service.listCheckpoints(absent, PageRequest.firstDefault()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.subscribe(user, absent))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
        assertThatThrownBy(() -> service.unsubscribe(user, absent))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
    }

    @Test
    void subscribingTwiceIsAVisibleOutcome() {
        Parcel parcel = storedParcel();
        service.subscribe(user, parcel.trackNumber());

        assertThatThrownBy(() -> service.subscribe(user, parcel.trackNumber()))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.subject()).isEqualTo(Subject.SUBSCRIPTION));
    }

    @Test
    void unsubscribingWhenNotSubscribedIsAVisibleOutcome() {
        Parcel parcel = storedParcel();

        assertThatThrownBy(() -> service.unsubscribe(user, parcel.trackNumber()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.subject()).isEqualTo(Subject.SUBSCRIPTION));
    }

    @Test
    void unsubscribeEndsTheSubscription() {
        Parcel parcel = storedParcel();
        service.subscribe(user, parcel.trackNumber());

        service.unsubscribe(user, parcel.trackNumber());

        assertThat(service.viewParcel(user, parcel.trackNumber()).subscribed()).isFalse();
        assertThat(service.listSubscriptions(user, PageRequest.firstDefault()).items()).isEmpty();
    }

    @Test
    void listsSubscriptionsMostRecentFirst() {
        Parcel first = storedParcel();
        Parcel second = storedParcel();
        service.subscribe(user, first.trackNumber());
        service.subscribe(user, second.trackNumber());

        assertThat(service.listSubscriptions(user, PageRequest.firstDefault()).items()).containsExactly(second, first);
    }

    @Test
    void listsCheckpointsNewestFirst() {
        Parcel parcel = storedParcel();
        Checkpoint early = Fixtures.checkpoint(T0.plusSeconds(1), ParcelStatus.IN_TRANSIT);
        Checkpoint late = Fixtures.checkpoint(T0.plusSeconds(2), ParcelStatus.IN_TRANSIT);
        database.recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, early));
        database.recordCheckpoint(parcel.trackNumber(), current -> Fixtures.recordFor(current, late));

        assertThat(service.listCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(late, early);
    }

    @Test
    void twoSimultaneousSubscribesGiveExactlyOneSubscription() throws Exception {
        Parcel parcel = storedParcel();

        var outcomes = Concurrently.run(2, i -> {
            service.subscribe(user, parcel.trackNumber());
            return true;
        });

        assertThat(outcomes.successes()).isEqualTo(1);
        assertThat(outcomes.failures()).singleElement().isInstanceOf(AlreadyExistsException.class);
        assertThat(database.findSubscribers(parcel.trackNumber(), 0, 10)).containsExactly(user);
    }
}
