package io.parceltrack.apps;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.ParcelData;
import io.parceltrack.apps.area.UserParcelArea;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
import io.parceltrack.rest.AppHttpServer;
import java.time.Clock;
import java.util.List;

/** Recipients' reads and subscriptions over gRPC, and the public tracking page over HTTP, on the parcels database. */
public final class ParcelsUserServiceApp implements App {
    static final String COMMAND = "parcels-user-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "recipients' parcel lookups and subscriptions over gRPC, and the public tracking page (parcels database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.parcels.url", settings.db().parcels().url());
        UserParcelArea.checkUserBotUsername(settings, reader);
        GrpcWiring.checkTransportSecurity(settings, reader);
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        UserParcelArea parcels = new UserParcelArea(ParcelData.open(assembly));
        GrpcWiring.server("parcels-user", settings.grpc().parcelsUser().port(), List.of(parcels.grpcService()),
                assembly);
        // The page is public: it gets the HTTP port (with the probes), like the manager API in its service.
        AppHttpServer http = HttpWiring.serve(assembly, List.of(parcels.trackingPage(assembly)));
        assembly.lifecycle().announce(() -> "tracking page: http://localhost:" + http.port() + "/track");
        return assembly.lifecycle();
    }
}
