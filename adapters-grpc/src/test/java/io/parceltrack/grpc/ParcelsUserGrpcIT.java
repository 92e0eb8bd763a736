package io.parceltrack.grpc;

import static io.parceltrack.grpc.WireErrors.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.proto.parcels.user.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.user.ListSubscriptionsRequest;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.parcels.user.UserParcelRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The parcels-user RPCs, over a socket, against the real service in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParcelsUserGrpcIT {
    private final InMemoryCoreServices core = new InMemoryCoreServices();
    private final RunningGrpcServer server = new RunningGrpcServer(core.grpcServices());
    private final ParcelsUserGrpcClient client = new ParcelsUserGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
    private final ParcelsUserGrpc.ParcelsUserBlockingStub raw =
            ParcelsUserGrpc.newBlockingStub(server.channel).withDeadlineAfter(Duration.ofMinutes(1));
    private final TelegramId manager = Fixtures.newId();

    @AfterAll
    void stop() {
        server.close();
    }

    // --- GetParcel

    @Test
    void anyoneWithTheTrackNumberSeesTheParcel() {
        Parcel parcel = parcelWithCheckpoint();
        TelegramId user = Fixtures.newId();

        ParcelView view = client.viewParcel(user, parcel.trackNumber());

        assertThat(view).isEqualTo(core.userParcels.viewParcel(user, parcel.trackNumber()));
        assertThat(view.parcel()).isEqualTo(parcel);
        assertThat(view.parcel().lastCheckpointTime()).isPresent();
        assertThat(view.subscribed()).isFalse();
    }

    @Test
    void theViewSaysWhetherTheUserIsSubscribed() {
        Parcel parcel = newParcel();
        TelegramId user = Fixtures.newId();

        client.subscribe(user, parcel.trackNumber());

        assertThat(client.viewParcel(user, parcel.trackNumber()).subscribed()).isTrue();
        assertThat(client.viewParcel(Fixtures.newId(), parcel.trackNumber()).subscribed()).isFalse();
    }

    @Test
    void anAbsentParcelIsNotFound() {
        TrackNumber absent = Fixtures.newTrackNumber();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class,
                () -> client.viewParcel(Fixtures.newId(), absent));

        assertThat(failure.subject()).isEqualTo(Subject.PARCEL);
        assertThat(failure).hasMessage("no parcel with track number " + absent);
    }

    @Test
    void aParcelRequestListsEveryBadField() {
        UserParcelRequest request = UserParcelRequest.newBuilder().setUserTelegramId(0).setTrackNumber("VF-834349180").build();

        assertThat(invalidFields(() -> raw.getParcel(request))).containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED");
        assertThat(invalidFields(() -> raw.addSubscription(request))).containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED");
        assertThat(invalidFields(() -> raw.deleteSubscription(request))).containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED");
    }

    // --- GetCheckpoints

    @Test
    void listsCheckpointsNewestFirstPageByPage() {
        Parcel parcel = newParcel();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        Checkpoint older = checkpoint(parcel, start, "Москва");
        Checkpoint newer = checkpoint(parcel, start.plusSeconds(90), "Казань");

        Page<Checkpoint> page1 = client.listCheckpoints(parcel.trackNumber(), new PageRequest(1, 1));
        Page<Checkpoint> page2 = client.listCheckpoints(parcel.trackNumber(), new PageRequest(2, 1));

        assertThat(page1).isEqualTo(core.userParcels.listCheckpoints(parcel.trackNumber(), new PageRequest(1, 1)));
        assertThat(page1.items()).containsExactly(newer);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page2.items()).containsExactly(older);
        assertThat(page2.hasNext()).isFalse();
    }

    @Test
    void checkpointsOfAnAbsentParcelAreNotFound() {
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> client.listCheckpoints(Fixtures.newTrackNumber(), PageRequest.firstDefault())).subject())
                .isEqualTo(Subject.PARCEL);
    }

    @Test
    void aCheckpointListListsEveryBadField() {
        GetCheckpointsRequest request = GetCheckpointsRequest.newBuilder()
                .setTrackNumber("12345678901")
                .setPage(io.parceltrack.proto.parcel.PageRequest.newBuilder().setPage(100_001).setPageSize(-1))
                .build();

        assertThat(invalidFields(() -> raw.getCheckpoints(request)))
                .containsExactly("trackNumber:MALFORMED", "page:OUT_OF_RANGE", "pageSize:OUT_OF_RANGE");
    }

    // --- AddSubscription, DeleteSubscription

    @Test
    void subscribingTwiceIsAlreadyExists() {
        Parcel parcel = newParcel();
        TelegramId user = Fixtures.newId();
        client.subscribe(user, parcel.trackNumber());

        AlreadyExistsException failure = catchThrowableOfType(AlreadyExistsException.class,
                () -> client.subscribe(user, parcel.trackNumber()));

        assertThat(failure.subject()).isEqualTo(Subject.SUBSCRIPTION);
        assertThat(failure).hasMessage("already subscribed to " + parcel.trackNumber());
    }

    @Test
    void subscribingToAnAbsentParcelIsNotFoundParcel() {
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> client.subscribe(Fixtures.newId(), Fixtures.newTrackNumber())).subject())
                .isEqualTo(Subject.PARCEL);
    }

    @Test
    void unsubscribingEndsTheSubscription() {
        Parcel parcel = newParcel();
        TelegramId user = Fixtures.newId();
        client.subscribe(user, parcel.trackNumber());

        client.unsubscribe(user, parcel.trackNumber());

        assertThat(client.viewParcel(user, parcel.trackNumber()).subscribed()).isFalse();
    }

    @Test
    void unsubscribingWithoutSubscriptionIsNotFoundSubscription() {
        Parcel parcel = newParcel();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class,
                () -> client.unsubscribe(Fixtures.newId(), parcel.trackNumber()));

        assertThat(failure.subject()).isEqualTo(Subject.SUBSCRIPTION);
    }

    @Test
    void unsubscribingFromAnAbsentParcelIsNotFoundParcel() {
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> client.unsubscribe(Fixtures.newId(), Fixtures.newTrackNumber())).subject())
                .isEqualTo(Subject.PARCEL);
    }

    // --- ListSubscriptions

    @Test
    void listsSubscriptionsMostRecentFirst() {
        TelegramId user = Fixtures.newId();
        Parcel first = newParcel();
        Parcel second = parcelWithCheckpoint();
        client.subscribe(user, first.trackNumber());
        client.subscribe(user, second.trackNumber());

        Page<Parcel> page = client.listSubscriptions(user, new PageRequest(1, 1));

        assertThat(page).isEqualTo(core.userParcels.listSubscriptions(user, new PageRequest(1, 1)));
        assertThat(page.items()).containsExactly(second);
        assertThat(page.hasNext()).isTrue();
        assertThat(client.listSubscriptions(user, new PageRequest(2, 1)).items()).containsExactly(first);
        assertThat(client.listSubscriptions(Fixtures.newId(), PageRequest.firstDefault()).items()).isEmpty();
    }

    @Test
    void aSubscriptionListListsEveryBadField() {
        ListSubscriptionsRequest request = ListSubscriptionsRequest.newBuilder()
                .setUserTelegramId(-7)
                .setPage(io.parceltrack.proto.parcel.PageRequest.newBuilder().setPageSize(500))
                .build();

        assertThat(invalidFields(() -> raw.listSubscriptions(request)))
                .containsExactly("telegramId:MALFORMED", "pageSize:OUT_OF_RANGE");
    }

    private Parcel newParcel() {
        return core.managerParcels.addParcel(new AddParcelCommand(manager, Fixtures.details("Коробка")));
    }

    private Parcel parcelWithCheckpoint() {
        Parcel parcel = newParcel();
        checkpoint(parcel, Instant.now().minusSeconds(30), "Kazan");
        return core.managerParcels.getOwnParcel(manager, parcel.trackNumber());
    }

    private Checkpoint checkpoint(Parcel parcel, Instant time, String place) {
        Checkpoint checkpoint = new Checkpoint(time, place, "", ParcelStatus.IN_TRANSIT);
        core.managerParcels.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), checkpoint));
        return checkpoint;
    }
}
