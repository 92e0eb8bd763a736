package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.apps.wiring.RestWiring;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ParcelsManagerGrpcService;
import io.parceltrack.kafka.KafkaParcelEventPublisher;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.ParcelStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.OutboxRelayService;
import io.parceltrack.service.OutboxRelayWorker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Managers' parcels over gRPC and the REST API, on the parcels database; relays the outbox of
 * parcel events to Kafka. REST callers are authenticated by the account service.
 */
public final class ParcelsManagerServiceApp implements App {
    static final String COMMAND = "parcels-manager-service";
    /** Processed-message ids and idempotency keys are kept this long beyond their use. */
    static final Duration KEEP_BOOKKEEPING = Duration.ofDays(7);

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
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().parcels(), DatabaseRole.PARCELS, settings.db(), COMMAND, lifecycle);
        ParcelStores stores = database.parcelStores();
        ManagerParcelService parcels =
                new ManagerParcelService(stores.parcels(), stores.checkpoints(), clock, new SecureRandom());
        AccountGrpcClient accounts = GrpcWiring.accountClient(settings.grpc(), lifecycle);

        KafkaWiring kafka = new KafkaWiring(settings.kafka());
        kafka.createTopicsOnStart(lifecycle);
        KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(kafka.relayPublisher());
        lifecycle.add("parcel event producer", publisher);
        OutboxRelayWorker relay = new OutboxRelayWorker(
                new OutboxRelayService(stores.outbox(), publisher, settings.outbox().batchSize()),
                settings.outbox().pollInterval(), settings.outbox().maxBackoff());
        lifecycle.add(Component.of("outbox relay", relay::start, () -> relay.stop(Duration.ofSeconds(30))));

        GrpcWiring.server("parcels-manager", settings.grpc().parcelsManager().port(),
                List.of(new ParcelsManagerGrpcService(parcels)), lifecycle);
        RestWiring.server(parcels, accounts, stores.idempotency(), clock,
                Map.of("parcels database", database::isReachable), settings.http(), lifecycle);
        lifecycle.add(new Housekeeping(clock)
                .every("idempotency keys", settings.http().idempotencyTtl().plus(KEEP_BOOKKEEPING),
                        stores.idempotency()::forgetClaimedBefore));
        return lifecycle;
    }
}
