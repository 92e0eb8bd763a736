package io.parceltrack.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.user.ParcelView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's story (SPEC §1) told through the three gRPC clients to servers running in another
 * JVM: what the bots and the REST API will do in production.
 */
class CrossProcessStoryIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    static Path workDir;
    private static Process servers;
    private static ManagedChannel channel;

    @BeforeAll
    static void startServersInAnotherProcess() throws Exception {
        Path portFile = workDir.resolve("grpc.port");
        Path log = Path.of("target", "cross-process-servers.log");
        servers = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        InMemoryGrpcServersMain.class.getName(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int port = awaitPort(portFile, log);
        channel = RunningGrpcServer.open("127.0.0.1:" + port);
    }

    @AfterAll
    static void stopServers() throws IOException, InterruptedException {
        if (channel != null) {
            ClientChannels.close(channel, Duration.ofSeconds(5));
        }
        if (servers != null) {
            servers.getOutputStream().close(); // the child's cue to stop gracefully
            if (!servers.waitFor(20, TimeUnit.SECONDS)) {
                servers.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(servers.isAlive()).as("the server process is gone").isFalse();
        }
    }

    @Test
    void managerAndRecipientFollowAParcelFromAnotherProcess() {
        AccountGrpcClient accounts = new AccountGrpcClient(channel, RunningGrpcServer.SETTINGS);
        ParcelsManagerGrpcClient managerParcels = new ParcelsManagerGrpcClient(channel, RunningGrpcServer.SETTINGS);
        ParcelsUserGrpcClient userParcels = new ParcelsUserGrpcClient(channel, RunningGrpcServer.SETTINGS);
        TelegramId managerId = new TelegramId(700_001);
        TelegramId userId = new TelegramId(800_001);

        // A shipping manager registers and gets a token for the REST API, which authenticates them.
        accounts.registerManager(RegisterManagerCommand.parse(
                managerId, "Max Müller", "max@shop.example", "+49 30 1234567", "Müller Versand"));
        ApiToken token = accounts.issueApiToken(managerId);
        assertThat(accounts.authenticate(token.value())).isEqualTo(managerId);

        // ... and adds a parcel.
        Parcel parcel = managerParcels.addParcel(new AddParcelCommand(managerId, new ParcelDetails(
                "Самовар", "Ольга Иванова", "Тула, проспект Ленина 1",
                Instant.now().plus(5, ChronoUnit.DAYS), "хрупкое")));
        assertThat(parcel.status()).isEqualTo(ParcelStatus.PENDING);

        // A recipient registers, looks the parcel up by its track number and subscribes.
        accounts.registerUser(RegisterUserCommand.parse(userId, "Ольга Иванова", "olga@example.com", ""));
        assertThat(accounts.isUserRegistered(userId)).isTrue();
        ParcelView firstLook = userParcels.viewParcel(userId, parcel.trackNumber());
        assertThat(firstLook.parcel()).isEqualTo(parcel);
        assertThat(firstLook.subscribed()).isFalse();
        userParcels.subscribe(userId, parcel.trackNumber());
        assertThat(userParcels.viewParcel(userId, parcel.trackNumber()).subscribed()).isTrue();

        // The manager posts a checkpoint; the recipient sees it and the new status.
        Checkpoint checkpoint = new Checkpoint(Instant.now().minusSeconds(60), "Москва, сортировочный центр",
                "Отправлено в Тулу", ParcelStatus.IN_TRANSIT);
        Parcel moving = managerParcels.addCheckpoint(new AddCheckpointCommand(managerId, parcel.trackNumber(), checkpoint));
        assertThat(moving.status()).isEqualTo(ParcelStatus.IN_TRANSIT);
        Page<Checkpoint> history = userParcels.listCheckpoints(parcel.trackNumber(), PageRequest.firstDefault());
        assertThat(history.items()).containsExactly(checkpoint);
        assertThat(userParcels.viewParcel(userId, parcel.trackNumber()).parcel()).isEqualTo(moving);
        assertThat(userParcels.listSubscriptions(userId, PageRequest.firstDefault()).items()).containsExactly(moving);

        // The manager deletes the parcel: it is gone for everyone.
        managerParcels.deleteParcel(managerId, parcel.trackNumber());
        assertThatThrownBy(() -> userParcels.viewParcel(userId, parcel.trackNumber())).isInstanceOf(NotFoundException.class);
        assertThat(userParcels.listSubscriptions(userId, PageRequest.firstDefault()).items()).isEmpty();
    }

    private static int awaitPort(Path portFile, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
            }
            if (!servers.isAlive()) {
                throw new IllegalStateException("the server process exited with " + servers.exitValue()
                        + "; its output:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server process did not report its port within " + STARTUP
                + "; its output:\n" + Files.readString(log));
    }
}
