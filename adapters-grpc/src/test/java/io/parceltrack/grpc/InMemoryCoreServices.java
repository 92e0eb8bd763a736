package io.parceltrack.grpc;

import io.grpc.BindableService;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.UserParcelService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** The three core services over in-memory adapters, wired the way the standalone app wires them. */
final class InMemoryCoreServices {
    final AccountService accounts;
    final ManagerParcelService managerParcels;
    final UserParcelService userParcels;

    InMemoryCoreServices() {
        InMemoryAccountStore accountStore = new InMemoryAccountStore();
        InMemoryParcelDatabase parcelDatabase = new InMemoryParcelDatabase();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        accounts = new AccountService(accountStore, accountStore, clock, random);
        managerParcels = new ManagerParcelService(parcelDatabase, parcelDatabase, clock, random);
        userParcels = new UserParcelService(parcelDatabase, parcelDatabase);
    }

    /** All four gRPC services of account, parcels-manager and parcels-user. */
    List<BindableService> grpcServices() {
        return List.of(
                new UserAccountGrpcService(accounts),
                new ManagerAccountGrpcService(accounts),
                new ParcelsManagerGrpcService(managerParcels),
                new ParcelsUserGrpcService(userParcels));
    }
}
