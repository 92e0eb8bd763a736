package io.parceltrack.apps;

import io.parceltrack.apps.area.AccountArea;
import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
import java.time.Clock;

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
        GrpcWiring.checkTransportSecurity(settings, reader);
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        AccountArea accounts = AccountArea.open(assembly);
        GrpcWiring.server("account", settings.grpc().account().port(), accounts.grpcServices(), assembly);
        HttpWiring.serveHealth(assembly);
        return assembly.lifecycle();
    }
}
