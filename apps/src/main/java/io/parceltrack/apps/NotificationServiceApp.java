package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.HealthServer;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.kafka.ParcelEventFanOutConsumer;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.service.NotificationFanOutService;
import java.time.Clock;
import java.time.Duration;

/** Turns each parcel event into one delivery per subscriber (Kafka in and out, parcels database read). */
public final class NotificationServiceApp implements App {
    static final String COMMAND = "notification-service";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "fans parcel events out into one delivery per subscriber (Kafka, parcels database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.db.parcels.url", settings.db().parcels().url());
        App.require(reader, COMMAND, "parceltrack.kafka.bootstrap-servers", settings.kafka().bootstrapServers());
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().parcels(), DatabaseRole.PARCELS, settings.db(), COMMAND, lifecycle);
        SubscriptionStore subscriptions = database.parcelStores().subscriptions();
        KafkaWiring kafka = new KafkaWiring(settings.kafka());
        kafka.createTopicsOnStart(lifecycle);

        int pageSize = settings.notifications().fanOutPageSize();
        ParcelEventFanOutConsumer consumer = new ParcelEventFanOutConsumer(kafka.fanOutConsumer(),
                deliveries -> new NotificationFanOutService(subscriptions, deliveries, pageSize));
        lifecycle.add(Component.of("parcel event consumer", consumer::start, () -> consumer.stop(Duration.ofSeconds(30))));

        HealthServer health = lifecycle.add(new HealthServer(settings.healthPort())
                .readyWhen("parcels database", database::isReachable)
                .readyWhen("parcel event consumer", consumer::isRunning));
        lifecycle.announce(() -> "health: http://localhost:" + health.port() + "/health/ready");
        return lifecycle;
    }
}
