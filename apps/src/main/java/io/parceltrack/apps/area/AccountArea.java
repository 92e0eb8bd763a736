package io.parceltrack.apps.area;

import io.grpc.BindableService;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.grpc.ManagerAccountGrpcService;
import io.parceltrack.grpc.UserAccountGrpcService;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.service.AccountService;
import java.security.SecureRandom;
import java.util.List;

/** Users, managers and API tokens: the account service on its store, in memory or in the accounts database. */
public final class AccountArea {
    private final AccountService service;

    private AccountArea(AccountService service) {
        this.service = service;
    }

    /** On the accounts database when one is configured, else in memory. */
    public static AccountArea open(Assembly assembly) {
        AppSettings.Database database = assembly.settings().db().accounts();
        if (!database.configured()) {
            InMemoryAccountStore memory = new InMemoryAccountStore();
            return new AccountArea(new AccountService(memory, memory, assembly.clock(), new SecureRandom()));
        }
        PostgresDatabase opened = DatabaseWiring.open(database, DatabaseRole.ACCOUNTS, assembly);
        AccountStores stores = opened.accountStores();
        return new AccountArea(new AccountService(stores.users(), stores.managers(), assembly.clock(), new SecureRandom()));
    }

    public AccountService service() {
        return service;
    }

    /** The account service's gRPC face: its user part and its manager part. */
    public List<BindableService> grpcServices() {
        return List.of(new UserAccountGrpcService(service), new ManagerAccountGrpcService(service));
    }

    /** Makes the configured demo manager exist and hold the configured API token, if one is set. */
    public void provisionDemoManager(AppSettings.Demo demo) {
        if (demo.apiToken().isBlank()) {
            return;
        }
        TelegramId manager = new TelegramId(demo.managerTelegramId());
        service.provisionManager(
                RegisterManagerCommand.parse(manager, "Demo Manager", "demo@parceltrack.example", "", "ParcelTrack Demo"),
                ApiToken.parse(demo.apiToken()).orElseThrow());
    }
}
