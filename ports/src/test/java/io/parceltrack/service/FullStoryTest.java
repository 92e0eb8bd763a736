package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryDeliveryClaimStore;
import io.parceltrack.memory.InMemoryEventBus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §1 end to end, wired the way standalone mode wires it, with memory adapters only. */
class FullStoryTest {
    private final TestClock clock = new TestClock(T0);
    private final SecureRandom random = new SecureRandom();
    private final InMemoryAccountStore accountsDb = new InMemoryAccountStore();
    private final InMemoryParcelDatabase parcelsDb = new InMemoryParcelDatabase();
    private final InMemoryEventBus bus = new InMemoryEventBus();
    private final RecordingMessenger messenger = new RecordingMessenger();

    private final AccountService accounts = new AccountService(accountsDb, accountsDb, clock, random);
    private final ManagerParcelService managerParcels = new ManagerParcelService(parcelsDb, parcelsDb, clock, random);
    private final UserParcelService userParcels = new UserParcelService(parcelsDb, parcelsDb);
    private final OutboxRelayService relay = new OutboxRelayService(parcelsDb, bus, 100);

    FullStoryTest() {
        NotificationFanOutService fanOut = new NotificationFanOutService(parcelsDb, bus, 100);
        NotificationDeliveryService delivery =
                new NotificationDeliveryService(new InMemoryDeliveryClaimStore(), messenger, clock, "user-bot-0",
                        Duration.ofSeconds(60));
        bus.onParcelEvent(fanOut::fanOut);
        bus.onDelivery(delivery::deliver);
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void aSubscriberGetsExactlyOneNotificationPerCheckpoint() throws Exception {
        // A manager registers and gets an API token for their own systems.
        TelegramId managerChat = new TelegramId(5_000_001);
        accounts.registerManager(RegisterManagerCommand.parse(managerChat, "Max Müller", "max@shop.example", "", "Shop"));
        ApiToken token = accounts.issueApiToken(managerChat);

        // Their system authenticates with the token and adds a parcel.
        TelegramId caller = accounts.authenticate(token.value());
        Parcel parcel = managerParcels.addParcel(new AddParcelCommand(caller, new ParcelDetails(
                "Phone case", "Anna Smirnova", "Kazan, Bauman st. 1", T0.plus(Duration.ofDays(5)), "blue")));

        // A recipient registers, looks the parcel up as typed and subscribes; a second person follows and leaves.
        TelegramId anna = new TelegramId(7_000_001);
        TelegramId boris = new TelegramId(7_000_002);
        accounts.registerUser(RegisterUserCommand.parse(anna, "Anna Smirnova", "anna@example.com", "+7 999 123 45 67"));
        accounts.registerUser(RegisterUserCommand.parse(boris, "Boris Ivanov", "boris@example.com", null));
        TrackNumber typed = TrackNumber.parse(" " + parcel.trackNumber().value().toLowerCase(Locale.ROOT) + " ");
        assertThat(userParcels.viewParcel(anna, typed).subscribed()).isFalse();
        userParcels.subscribe(anna, typed);
        userParcels.subscribe(boris, typed);
        userParcels.unsubscribe(boris, typed);

        // The manager posts a checkpoint; the outbox is relayed to the bus.
        Checkpoint checkpoint = new Checkpoint(T0.plusSeconds(3600), "Kazan sorting centre", "arrived", ParcelStatus.IN_TRANSIT);
        managerParcels.addCheckpoint(new AddCheckpointCommand(caller, parcel.trackNumber(), checkpoint));
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(messenger.sent()).singleElement().satisfies(notification -> {
            assertThat(notification.recipient()).isEqualTo(anna);
            assertThat(notification.trackNumber()).isEqualTo(parcel.trackNumber());
            assertThat(notification.parcelName()).isEqualTo("Phone case");
            assertThat(notification.checkpoint()).isEqualTo(checkpoint);
        });
        assertThat(userParcels.viewParcel(anna, typed).parcel().status()).isEqualTo(ParcelStatus.IN_TRANSIT);
    }

    @Test
    void aRedeliveredEventDoesNotNotifyTwice() throws Exception {
        TelegramId manager = new TelegramId(5_000_002);
        accounts.registerManager(RegisterManagerCommand.parse(manager, "Olga Ivanova", "olga@cargo.example", "", ""));
        Parcel parcel = managerParcels.addParcel(new AddParcelCommand(manager, new ParcelDetails(
                "Books", "Ann Lee", "Oslo, Storgata 1", T0.plus(Duration.ofDays(5)), "")));
        TelegramId reader = new TelegramId(7_000_003);
        userParcels.subscribe(reader, parcel.trackNumber());
        managerParcels.addCheckpoint(new AddCheckpointCommand(manager, parcel.trackNumber(),
                new Checkpoint(T0.plusSeconds(60), "Oslo", "out for delivery", ParcelStatus.IN_TRANSIT)));
        List<ParcelEvent> relayed = new ArrayList<>();
        parcelsDb.drain(10, events -> {
            relayed.addAll(events);
            bus.publishEvents(events);
        });

        bus.publishEvents(relayed);
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(messenger.sent()).extracting(Delivery::recipient).containsExactly(reader);
    }
}
