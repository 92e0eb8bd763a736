package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.parcels.user.UserParcelRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clients do when a service is slow, down, flaky or broken. */
class ClientResilienceIT {
    private final InMemoryCoreServices core = new InMemoryCoreServices();
    private final ScriptedUserParcelUseCases userParcels = new ScriptedUserParcelUseCases(core.userParcels);
    /** Lets hanging calls go, so no server thread outlives its test. */
    private final CountDownLatch release = new CountDownLatch(1);
    private RunningGrpcServer server;
    private ParcelsUserGrpcClient client;
    private TelegramId user;
    private Parcel parcel;

    @BeforeEach
    void startServer() {
        server = new RunningGrpcServer(List.of(
                new ParcelsUserGrpcService(userParcels), new ParcelsManagerGrpcService(core.managerParcels)));
        client = new ParcelsUserGrpcClient(server.channel, RunningGrpcServer.SETTINGS);
        user = Fixtures.newId();
        parcel = core.managerParcels.addParcel(new AddParcelCommand(Fixtures.newId(), Fixtures.details("Лампа")));
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.close();
    }

    @Test
    void aCallThatOutlivesItsDeadlineFailsAsUnavailable() {
        userParcels.thenHang(release, new CountDownLatch(1));
        ParcelsUserGrpcClient impatient =
                new ParcelsUserGrpcClient(server.channel, RunningGrpcServer.SETTINGS.withDeadline(Duration.ofMillis(300)));
        Throwable failure = catchThrowable(() -> impatient.viewParcel(user, parcel.trackNumber()));

        assertThat(failure).isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service did not answer in time; try again later");
        assertThat(Status.fromThrowable(failure.getCause()).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void everyCallCarriesADeadline() {
        userParcels.thenHang(release, new CountDownLatch(1));
        ParcelsUserGrpcClient impatient =
                new ParcelsUserGrpcClient(server.channel, RunningGrpcServer.SETTINGS.withDeadline(Duration.ofMillis(200)));

        // A write hangs as well as a read would; without a deadline this would wait for a minute.
        assertThatThrownBy(() -> impatient.subscribe(user, parcel.trackNumber()))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("did not answer in time");
    }

    @Test
    void aStoppedServerGivesUnavailableToReadsAndWrites() {
        assertThat(client.viewParcel(user, parcel.trackNumber()).subscribed()).isFalse();

        server.host.stop(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.viewParcel(user, parcel.trackNumber()))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service is unavailable; try again later");
        assertThatThrownBy(() -> client.subscribe(user, parcel.trackNumber()))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service is unavailable; try again later");
    }

    @Test
    void aServerStoppedDuringACallGivesThatCallUnavailable() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        userParcels.thenHang(release, entered);
        CompletableFuture<Throwable> inFlight = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> client.viewParcel(user, parcel.trackNumber())));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        server.host.stop(Duration.ofMillis(200));
        Throwable failure = inFlight.get(30, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service is unavailable; try again later");
    }

    @Test
    void readsAreRetriedWhileTheServiceIsUnavailable() {
        userParcels.thenFail(new UnavailableException("parcels database is restarting", null));
        userParcels.thenFail(new UnavailableException("parcels database is restarting", null));

        assertThat(client.viewParcel(user, parcel.trackNumber()).parcel()).isEqualTo(parcel);
        assertThat(userParcels.calls()).isEqualTo(3);
    }

    @Test
    void readsGiveUpAfterTheirAttempts() {
        for (int i = 0; i < RunningGrpcServer.SETTINGS.readAttempts(); i++) {
            userParcels.thenFail(new UnavailableException("parcels database is down", null));
        }

        assertThatThrownBy(() -> client.viewParcel(user, parcel.trackNumber()))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the parcels-user service is unavailable; try again later");
        assertThat(userParcels.calls()).isEqualTo(RunningGrpcServer.SETTINGS.readAttempts());
    }

    @Test
    void writesAreNotRetried() {
        userParcels.thenFail(new UnavailableException("parcels database is restarting", null));

        assertThatThrownBy(() -> client.subscribe(user, parcel.trackNumber()))
                .isInstanceOf(UnavailableException.class);
        assertThat(userParcels.calls()).isEqualTo(1);
        assertThat(client.viewParcel(user, parcel.trackNumber()).subscribed()).isFalse();
    }

    @Test
    void anUnexpectedServerFailureRevealsNothingOfIt() {
        userParcels.thenFail(new IllegalStateException("connection to db-7.internal:5432 as admin/hunter2 failed"));
        userParcels.thenFail(new IllegalStateException("connection to db-7.internal:5432 as admin/hunter2 failed"));

        Throwable clientSide = catchThrowable(() -> client.listSubscriptions(user, PageRequest.firstDefault()));
        StatusRuntimeException wire = (StatusRuntimeException) catchThrowable(() ->
                ParcelsUserGrpc.newBlockingStub(server.channel).getParcel(UserParcelRequest.newBuilder()
                        .setUserTelegramId(user.value())
                        .setTrackNumber(parcel.trackNumber().value())
                        .build()));

        assertThat(clientSide).isInstanceOf(IllegalStateException.class)
                .hasMessage("the parcels-user service failed with INTERNAL; the service's log has the details");
        assertThat(wire.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(wire.getStatus().getDescription()).isEqualTo(StatusTranslator.INTERNAL_DESCRIPTION);
        assertThat(wire.getTrailers().toString()).doesNotContain("hunter2").doesNotContain("db-7");
        assertThat(userParcels.calls()).as("INTERNAL is not retried").isEqualTo(2);
    }

    @Test
    void everyViolationTheServiceReportsReachesTheClientIntact() {
        List<FieldViolation> violations = List.of(
                new FieldViolation("trackNumber", Kind.MALFORMED, "must be 2 Latin letters and 9 digits"),
                new FieldViolation("page", Kind.OUT_OF_RANGE, "must be between 1 and 100000"),
                new FieldViolation("description", Kind.TOO_LONG, "не длиннее 255 символов 📦"));
        userParcels.thenFail(new InvalidInputException(violations));

        Throwable failure = catchThrowable(() -> client.listCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()));

        assertThat(failure).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) failure).violations()).isEqualTo(violations);
        assertThat(failure).hasMessage(new InvalidInputException(violations).getMessage());
    }
}
