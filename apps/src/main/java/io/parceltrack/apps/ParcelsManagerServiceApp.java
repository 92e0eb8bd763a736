package io.parceltrack.apps;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.EventTransport;
import io.parceltrack.apps.area.ManagerParcelArea;
import io.parceltrack.apps.area.ParcelData;
import io.parceltrack.apps.area.WebhookArea;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
import io.parceltrack.rest.AppHttpServer;
import java.time.Clock;
import java.util.List;

/**
 * Managers' parcels over gRPC and the REST API, on the parcels database; relays the outbox of
 * parcel events to Kafka. REST callers are authenticated by the account service.
 */
public final class ParcelsManagerServiceApp implements App {
    static final String COMMAND = "parcels-manager-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "managers' parcels over gRPC and REST; relays parcel events to Kafka (parcels database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.parcels.url", settings.db().parcels().url());
        App.require(reader, COMMAND, "parceltrack.kafka.bootstrap-servers", settings.kafka().bootstrapServers());
        App.require(reader, COMMAND, "parceltrack.grpc.account.address", settings.grpc().account().address());
        GrpcWiring.checkTransportSecurity(settings, reader);
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        ParcelData data = ParcelData.open(assembly);
        ManagerParcelArea parcels = new ManagerParcelArea(assembly, data);
        WebhookArea webhooks = new WebhookArea(assembly, data);
        parcels.relayEventsTo(EventTransport.open(assembly).eventPublisher());
        GrpcWiring.server("parcels-manager", settings.grpc().parcelsManager().port(),
                List.of(parcels.grpcService(), webhooks.grpcService()), assembly);
        AppHttpServer http = HttpWiring.serve(assembly,
                List.of(parcels.restApi(GrpcWiring.accountClient(settings.grpc(), assembly),
                        webhooks.endpoints())));
        assembly.lifecycle().announce(() -> "REST API: http://localhost:" + http.port() + "/api/v1");
        return assembly.lifecycle();
    }
}
