package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.HealthServer;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.grpc.ParcelsUserGrpcService;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.ParcelStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.service.UserParcelService;
import java.time.Clock;
import java.util.List;

/** Recipients' reads and subscriptions over gRPC, on the parcels database. */
public final class ParcelsUserServiceApp implements App {
    static final String COMMAND = "parcels-user-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "recipients' parcel lookups and subscriptions over gRPC (parcels database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.parcels.url", settings.db().parcels().url());
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().parcels(), DatabaseRole.PARCELS, settings.db(), COMMAND, lifecycle);
        ParcelStores stores = database.parcelStores();
        UserParcelService parcels = new UserParcelService(stores.parcels(), stores.subscriptions());

        GrpcWiring.server("parcels-user", settings.grpc().parcelsUser().port(),
                List.of(new ParcelsUserGrpcService(parcels)), lifecycle);
        HealthServer health = lifecycle.add(new HealthServer(settings.healthPort())
                .readyWhen("parcels database", database::isReachable));
        lifecycle.announce(() -> "health: http://localhost:" + health.port() + "/health/ready");
        return lifecycle;
    }
}
