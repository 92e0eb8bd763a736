package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.HealthServer;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.grpc.ManagerAccountGrpcService;
import io.parceltrack.grpc.UserAccountGrpcService;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.service.AccountService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Users and managers over gRPC, stored in the accounts database. */
public final class AccountServiceApp implements App {
    static final String COMMAND = "account-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "users, managers and API tokens over gRPC (accounts database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.accounts.url", settings.db().accounts().url());
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().accounts(), DatabaseRole.ACCOUNTS, settings.db(), COMMAND, lifecycle);
        AccountStores stores = database.accountStores();
        AccountService accounts = new AccountService(stores.users(), stores.managers(), clock, new SecureRandom());

        GrpcWiring.server("account", settings.grpc().account().port(),
                List.of(new UserAccountGrpcService(accounts), new ManagerAccountGrpcService(accounts)), lifecycle);
        HealthServer health = lifecycle.add(new HealthServer(settings.healthPort())
                .readyWhen("accounts database", database::isReachable));
        lifecycle.announce(() -> "health: http://localhost:" + health.port() + "/health/ready");
        return lifecycle;
    }
}
