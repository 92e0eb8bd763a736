package io.parceltrack.telegram;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryBlockedChatStore;
import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.NotificationFanOutService;
import io.parceltrack.service.UserParcelService;
import io.parceltrack.service.WebhookEndpointService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The core as the bots see it in standalone mode: in-process services over memory adapters. */
public final class Backend {
    public final Clock clock = Clock.systemUTC();
    public final InMemoryAccountStore accounts = new InMemoryAccountStore();
    public final InMemoryParcelDatabase parcelDatabase = new InMemoryParcelDatabase();
    public final InMemoryConversationStore conversations = new InMemoryConversationStore();
    public final InMemoryBlockedChatStore blockedChats = new InMemoryBlockedChatStore();
    public final AccountService accountService = new AccountService(accounts, accounts, clock, new SecureRandom());
    public final ManagerParcelService managerParcels =
            new ManagerParcelService(parcelDatabase, parcelDatabase, clock, new SecureRandom());
    public final UserParcelService userParcels = new UserParcelService(parcelDatabase, parcelDatabase);
    public final InMemoryWebhookDatabase webhookDatabase = new InMemoryWebhookDatabase();
    /** Plain http and loopback allowed, so that tests may register local receivers. */
    public final WebhookEndpointService webhooks = new WebhookEndpointService(new DestinationRules(true, true),
            webhookDatabase, webhookDatabase, webhookDatabase, new WebhookEndpointService.Limits(10, Duration.ofHours(24)),
            clock, new SecureRandom(), () -> {});

    public void registerUser(long id, String name) {
        accountService.registerUser(RegisterUserCommand.parse(TelegramId.of(id), name, "u" + id + "@example.com", null));
    }

    public void registerManager(long id, String name) {
        accountService.registerManager(RegisterManagerCommand.parse(TelegramId.of(id), name, "m" + id + "@example.com",
                null, null));
    }

    public Parcel addParcel(long manager, String name) {
        return managerParcels.addParcel(new AddParcelCommand(TelegramId.of(manager), new ParcelDetails(name,
                "Ivan Petrov", "Kazan, Baumana 1", clock.instant().plus(Duration.ofDays(5)), "two boxes")));
    }

    public Parcel addCheckpoint(long manager, Parcel parcel, String place, ParcelStatus status) {
        return addCheckpoint(manager, parcel, Instant.now(clock), place, status);
    }

    public Parcel addCheckpoint(long manager, Parcel parcel, Instant time, String place, ParcelStatus status) {
        return managerParcels.addCheckpoint(new AddCheckpointCommand(TelegramId.of(manager), parcel.trackNumber(),
                new Checkpoint(time, place, "scanned", status)));
    }

    /** What the notification service emits for the checkpoints recorded since the last call, as it would. */
    public List<Delivery> pendingDeliveries() {
        List<Delivery> deliveries = new ArrayList<>();
        NotificationFanOutService fanOut = new NotificationFanOutService(parcelDatabase, deliveries::addAll, 100);
        parcelDatabase.drain(10_000, events -> events.forEach(fanOut::fanOut));
        return deliveries;
    }
}
