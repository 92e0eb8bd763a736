package io.parceltrack.grpc;

import io.grpc.BindableService;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.UserParcelService;
import io.parceltrack.service.WebhookEndpointService;
import io.parceltrack.domain.webhook.DestinationRules;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** The core services (and the managers' webhooks) over in-memory adapters, wired the way the standalone app wires them. */
final class InMemoryCoreServices {
    final AccountService accounts;
    final ManagerParcelService managerParcels;
    final UserParcelService userParcels;
    final WebhookEndpointService webhooks;

    InMemoryCoreServices() {
        InMemoryAccountStore accountStore = new InMemoryAccountStore();
        InMemoryParcelDatabase parcelDatabase = new InMemoryParcelDatabase();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        accounts = new AccountService(accountStore, accountStore, clock, random);
        managerParcels = new ManagerParcelService(parcelDatabase, parcelDatabase, clock, random);
        userParcels = new UserParcelService(parcelDatabase, parcelDatabase);
        InMemoryWebhookDatabase webhookDatabase = new InMemoryWebhookDatabase();
        webhooks = new WebhookEndpointService(DestinationRules.strict(), webhookDatabase, webhookDatabase, webhookDatabase,
                new WebhookEndpointService.Limits(10, Duration.ofHours(24)), clock, random, () -> {});
    }

    /** All four gRPC services of account, parcels-manager and parcels-user. */
    List<BindableService> grpcServices() {
        return List.of(
                new UserAccountGrpcService(accounts),
                new ManagerAccountGrpcService(accounts),
                new ParcelsManagerGrpcService(managerParcels),
                new ParcelsUserGrpcService(userParcels),
                new ManagerWebhooksGrpcService(webhooks));
    }
}
