package io.parceltrack.grpc;

import static io.parceltrack.grpc.WireErrors.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.proto.parcel.Status;
import io.parceltrack.proto.parcels.manager.AddCheckpointRequest;
import io.parceltrack.proto.parcels.manager.AddParcelRequest;
import io.parceltrack.proto.parcels.manager.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.manager.ListParcelsRequest;
import io.parceltrack.proto.parcels.manager.ManagerParcelRequest;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The parcels-manager RPCs, over a socket, against the real service in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParcelsManagerGrpcIT {
    private final InMemoryCoreServices core = new InMemoryCoreServices();
    private final RunningGrpcServer server = new RunningGrpcServer(core.grpcServices());
    private final ParcelsManagerGrpcClient client = new ParcelsManagerGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
    private final ParcelsManagerGrpc.ParcelsManagerBlockingStub raw =
            ParcelsManagerGrpc.newBlockingStub(server.channel).withDeadlineAfter(Duration.ofMinutes(1));
    private final TelegramId manager = Fixtures.newId();
    private final TelegramId otherManager = Fixtures.newId();

    @AfterAll
    void stop() {
        server.close();
    }

    // --- AddParcel, GetParcel

    @Test
    void addsAPendingParcelAndReadsTheSameParcelBack() {
        ParcelDetails details = new ParcelDetails("Настольная лампа «Луч»", "Анна Смирнова",
                "Казань, ул. Баумана 1, кв. 7", Instant.parse("2026-12-24T18:30:00.123456789Z"),
                "Хрупкое 🔦\nне кантовать");

        Parcel added = client.addParcel(new AddParcelCommand(manager, details));

        assertThat(added.details()).isEqualTo(details);
        assertThat(added.status()).isEqualTo(ParcelStatus.PENDING);
        assertThat(added.owner()).isEqualTo(manager);
        assertThat(added.lastCheckpointTime()).isEmpty();
        assertThat(added).isEqualTo(core.managerParcels.getOwnParcel(manager, added.trackNumber()));
        assertThat(client.getOwnParcel(manager, added.trackNumber())).isEqualTo(added);
    }

    @Test
    void aNewParcelListsEveryBadFieldIncludingTheManager() {
        AddParcelRequest request = AddParcelRequest.newBuilder()
                .setManagerTelegramId(0).setName("ab").setRecipient("").setArrivalAddress("Kazan")
                .setDescription("x".repeat(256))
                .build();

        assertThat(invalidFields(() -> raw.addParcel(request))).containsExactly(
                "telegramId:MALFORMED", "name:TOO_SHORT", "recipient:REQUIRED", "forecastDate:REQUIRED",
                "description:TOO_LONG");
    }

    @Test
    void anAbsentParcelIsNotFound() {
        TrackNumber absent = Fixtures.newTrackNumber();

        NotFoundException failure = catchThrowableOfType(NotFoundException.class, () -> client.getOwnParcel(manager, absent));

        assertThat(failure.subject()).isEqualTo(Subject.PARCEL);
        assertThat(failure).hasMessage("no parcel with track number " + absent);
    }

    @Test
    void anotherManagersParcelIsPermissionDenied() {
        Parcel parcel = newParcel();

        assertThatThrownBy(() -> client.getOwnParcel(otherManager, parcel.trackNumber()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("parcel " + parcel.trackNumber() + " belongs to another manager");
    }

    @Test
    void aParcelRequestListsABadManagerAndABadTrackNumberTogether() {
        ManagerParcelRequest request = ManagerParcelRequest.newBuilder().setManagerTelegramId(-1).setTrackNumber("VF12").build();

        assertThat(invalidFields(() -> raw.getParcel(request))).containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED");
        assertThat(invalidFields(() -> raw.deleteParcel(request))).containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED");
    }

    @Test
    void aTrackNumberIsReadLikeAPersonTypesIt() {
        Parcel parcel = newParcel();
        ManagerParcelRequest request = ManagerParcelRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setTrackNumber("  " + parcel.trackNumber().value().toLowerCase() + " ")
                .build();

        assertThat(raw.getParcel(request).getTrackNumber()).isEqualTo(parcel.trackNumber().value());
    }

    // --- DeleteParcel

    @Test
    void deletesAnOwnParcel() {
        Parcel parcel = newParcel();

        client.deleteParcel(manager, parcel.trackNumber());

        assertThatThrownBy(() -> client.getOwnParcel(manager, parcel.trackNumber())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAnotherManagersParcelIsPermissionDeniedAndKeepsIt() {
        Parcel parcel = newParcel();

        assertThatThrownBy(() -> client.deleteParcel(otherManager, parcel.trackNumber()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(client.getOwnParcel(manager, parcel.trackNumber())).isEqualTo(parcel);
    }

    @Test
    void deletingAnAbsentParcelIsNotFound() {
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> client.deleteParcel(manager, Fixtures.newTrackNumber())).subject()).isEqualTo(Subject.PARCEL);
    }

    // --- ListParcels

    @Test
    void listsOwnParcelsNewestFirstPageByPage() {
        TelegramId lister = Fixtures.newId();
        Parcel first = client.addParcel(new AddParcelCommand(lister, Fixtures.details("First parcel")));
        Parcel second = client.addParcel(new AddParcelCommand(lister, Fixtures.details("Second parcel")));
        Parcel third = client.addParcel(new AddParcelCommand(lister, Fixtures.details("Third parcel")));
        newParcel();

        Page<Parcel> page1 = client.listOwnParcels(lister, new PageRequest(1, 2));
        Page<Parcel> page2 = client.listOwnParcels(lister, new PageRequest(2, 2));

        assertThat(page1).isEqualTo(core.managerParcels.listOwnParcels(lister, new PageRequest(1, 2)));
        assertThat(page1.items()).containsExactly(third, second);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page2.items()).containsExactly(first);
        assertThat(page2.hasNext()).isFalse();
        assertThat(page2.request()).isEqualTo(new PageRequest(2, 2));
    }

    @Test
    void aListWithoutPageIsTheFirstDefaultPage() {
        TelegramId lister = Fixtures.newId();
        Parcel only = client.addParcel(new AddParcelCommand(lister, Fixtures.details("Only parcel")));

        var reply = raw.listParcels(ListParcelsRequest.newBuilder().setManagerTelegramId(lister.value()).build());

        assertThat(reply.getParcelsList()).extracting(p -> p.getTrackNumber()).containsExactly(only.trackNumber().value());
        assertThat(reply.getPage()).isEqualTo(1);
        assertThat(reply.getPageSize()).isEqualTo(PageRequest.DEFAULT_SIZE);
    }

    @Test
    void aListOutOfRangeNamesPageAndSize() {
        ListParcelsRequest request = ListParcelsRequest.newBuilder()
                .setManagerTelegramId(0)
                .setPage(page(-1, 1000))
                .build();

        assertThat(invalidFields(() -> raw.listParcels(request)))
                .containsExactly("telegramId:MALFORMED", "page:OUT_OF_RANGE", "pageSize:OUT_OF_RANGE");
    }

    // --- AddCheckpoint, GetCheckpoints

    @Test
    void aCheckpointMovesTheParcelOnAndIsListed() {
        Parcel parcel = newParcel();
        Checkpoint checkpoint = new Checkpoint(recently(), "Сортировочный центр, Казань", "Принято 📬", ParcelStatus.IN_TRANSIT);

        Parcel updated = client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), checkpoint));

        assertThat(updated.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        assertThat(updated.lastCheckpointTime()).contains(checkpoint.time());
        assertThat(updated).isEqualTo(core.managerParcels.getOwnParcel(manager, parcel.trackNumber()));
        assertThat(client.listOwnParcelCheckpoints(manager, parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(checkpoint);
    }

    @Test
    void aCheckpointAfterDeliveryIsFailedPrecondition() {
        Parcel parcel = newParcel();
        client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                new Checkpoint(recently(), "Kazan", "handed over", ParcelStatus.DELIVERED)));

        assertThatThrownBy(() -> client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                        new Checkpoint(recently(), "Kazan", "lost?", ParcelStatus.IN_TRANSIT))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("parcel " + parcel.trackNumber() + " is already DELIVERED; no checkpoint can follow a final status");
    }

    @Test
    void aCheckpointOnAnAbsentParcelIsNotFound() {
        AddCheckpointCommand command = new AddCheckpointCommand(manager, Fixtures.newTrackNumber(),
                new Checkpoint(recently(), "Kazan", "", ParcelStatus.IN_TRANSIT));

        assertThat(catchThrowableOfType(NotFoundException.class, () -> client.addCheckpoint(command)).subject())
                .isEqualTo(Subject.PARCEL);
    }

    @Test
    void aCheckpointOnAnotherManagersParcelIsPermissionDenied() {
        Parcel parcel = newParcel();
        AddCheckpointCommand command = new AddCheckpointCommand(otherManager, parcel.trackNumber(),
                new Checkpoint(recently(), "Kazan", "", ParcelStatus.IN_TRANSIT));

        assertThatThrownBy(() -> client.addCheckpoint(command)).isInstanceOf(AccessDeniedException.class);
        assertThat(client.getOwnParcel(manager, parcel.trackNumber()).status()).isEqualTo(ParcelStatus.PENDING);
    }

    @Test
    void aCheckpointFarInTheFutureIsInvalidInputOnTheClientToo() {
        Parcel parcel = newParcel();
        AddCheckpointCommand command = new AddCheckpointCommand(manager, parcel.trackNumber(),
                new Checkpoint(Instant.now().plus(3, ChronoUnit.DAYS), "Kazan", "", ParcelStatus.IN_TRANSIT));

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class, () -> client.addCheckpoint(command));

        assertThat(failure.violations()).containsExactly(
                new FieldViolation("time", Kind.OUT_OF_RANGE, "must not be more than 24 hours in the future"));
    }

    @Test
    void aCheckpointRequestListsEveryBadField() {
        AddCheckpointRequest request = AddCheckpointRequest.newBuilder()
                .setManagerTelegramId(0)
                .setTrackNumber("")
                .setCheckpoint(io.parceltrack.proto.parcel.Checkpoint.newBuilder()
                        .setPlace("line\u0007break").setParcelStatus(Status.UNKNOWN))
                .build();

        assertThat(invalidFields(() -> raw.addCheckpoint(request))).containsExactly(
                "telegramId:MALFORMED", "trackNumber:REQUIRED", "time:REQUIRED", "place:MALFORMED", "status:REQUIRED");
    }

    @Test
    void listsCheckpointsNewestFirstPageByPage() {
        Parcel parcel = newParcel();
        Instant start = recently();
        Checkpoint older = new Checkpoint(start, "Moscow", "left the warehouse", ParcelStatus.IN_TRANSIT);
        Checkpoint newer = new Checkpoint(start.plusSeconds(60), "Kazan", "arrived", ParcelStatus.IN_TRANSIT);
        client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), older));
        client.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(), newer));

        Page<Checkpoint> page1 = client.listOwnParcelCheckpoints(manager, parcel.trackNumber(), new PageRequest(1, 1));
        Page<Checkpoint> page2 = client.listOwnParcelCheckpoints(manager, parcel.trackNumber(), new PageRequest(2, 1));

        assertThat(page1.items()).containsExactly(newer);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page2.items()).containsExactly(older);
        assertThat(page2.hasNext()).isFalse();
        assertThat(page1).isEqualTo(core.managerParcels.listOwnParcelCheckpoints(manager, parcel.trackNumber(), new PageRequest(1, 1)));
    }

    @Test
    void checkpointsOfAnAbsentOrForeignParcelAreRefused() {
        Parcel parcel = newParcel();

        assertThatThrownBy(() -> client.listOwnParcelCheckpoints(otherManager, parcel.trackNumber(), PageRequest.firstDefault()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowableOfType(NotFoundException.class, () -> client.listOwnParcelCheckpoints(
                manager, Fixtures.newTrackNumber(), PageRequest.firstDefault())).subject()).isEqualTo(Subject.PARCEL);
    }

    @Test
    void aCheckpointListListsEveryBadField() {
        GetCheckpointsRequest request = GetCheckpointsRequest.newBuilder()
                .setManagerTelegramId(-3).setTrackNumber("VF83434918").setPage(page(0, 101))
                .build();

        assertThat(invalidFields(() -> raw.getCheckpoints(request)))
                .containsExactly("telegramId:MALFORMED", "trackNumber:MALFORMED", "pageSize:OUT_OF_RANGE");
    }

    private Parcel newParcel() {
        return client.addParcel(new AddParcelCommand(manager, Fixtures.details("Phone case")));
    }

    private static Instant recently() {
        return Instant.now().minus(1, ChronoUnit.HOURS);
    }

    private static io.parceltrack.proto.parcel.PageRequest page(int number, int size) {
        return io.parceltrack.proto.parcel.PageRequest.newBuilder().setPage(number).setPageSize(size).build();
    }
}
