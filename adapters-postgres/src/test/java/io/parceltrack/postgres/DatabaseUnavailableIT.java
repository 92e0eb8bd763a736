package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.UnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached makes every call "unavailable, try again later", and nothing more. */
class DatabaseUnavailableIT {
    private static final String PASSWORD = "do-not-print-me";
    private static PostgresDatabase unreachable;

    @BeforeAll
    static void pointThePoolAtAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        unreachable = PostgresDatabase.open(new PostgresSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/parcels",
                "postgres", PASSWORD, 2, Duration.ofMillis(250), "unreachable"));
    }

    @AfterAll
    static void closePool() {
        unreachable.close();
    }

    @Test
    void everyKindOfCallReportsTheDatabaseUnavailable() {
        AccountStores accounts = unreachable.accountStores();
        ParcelStores parcels = unreachable.parcelStores(TestPayloads.PROTOBUF);
        BotStores bots = unreachable.botStores();
        TrackNumber trackNumber = Fixtures.newTrackNumber();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("find user", () -> accounts.users().findUser(Fixtures.newId()));
        calls.put("add manager", () -> accounts.managers().addManager(Fixtures.manager(Fixtures.newId())));
        calls.put("insert parcel", () -> parcels.parcels().insertParcel(Fixtures.parcel(Fixtures.newId())));
        calls.put("list checkpoints", () -> parcels.parcels().findCheckpoints(trackNumber, PageRequest.firstDefault()));
        calls.put("record checkpoint", () -> parcels.checkpoints().recordCheckpoint(trackNumber, current -> {
            throw new AssertionError("must not be asked");
        }));
        calls.put("subscribe", () -> parcels.subscriptions().addSubscription(Fixtures.newId(), trackNumber));
        calls.put("drain outbox", () -> parcels.outbox().drain(10, events -> {
            throw new AssertionError("must not publish");
        }));
        calls.put("mark processed", () -> bots.processedMessages().markProcessed("delivery", UUID.randomUUID(), Fixtures.T0));
        calls.put("claim delivery", () -> bots.deliveryClaims().claim(UUID.randomUUID(), "user-bot-0", Fixtures.T0, Fixtures.T0));
        calls.put("load conversation", () -> bots.conversations().loadConversation("user-bot", 42));

        calls.forEach((call, action) -> assertThatThrownBy(action)
                .as(call)
                .isInstanceOf(UnavailableException.class)
                .hasMessage(SqlFailures.UNAVAILABLE));
    }

    @Test
    void migratingAnUnreachableDatabaseReportsItUnavailable() {
        assertThatThrownBy(() -> unreachable.migrate(DatabaseRole.PARCELS, false))
                .isInstanceOf(UnavailableException.class)
                .hasMessage(SqlFailures.UNAVAILABLE);
    }
}
