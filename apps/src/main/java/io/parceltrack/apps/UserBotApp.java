package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.HealthServer;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ParcelsUserGrpcClient;
import io.parceltrack.kafka.NotificationDeliveryConsumer;
import io.parceltrack.postgres.BotStores;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.telegram.user.UserBot;
import java.time.Clock;
import java.time.Duration;

/**
 * The recipients' Telegram bot: talks to the account and parcels-user services over gRPC, keeps
 * its conversations in the bots database, and sends the deliveries it consumes from Kafka.
 */
public final class UserBotApp implements App {
    static final String COMMAND = "user-bot";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "the recipients' Telegram bot and their notifications (gRPC, Kafka, bots database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.telegram.user-bot.token", settings.telegram().userBot().token());
        App.require(reader, COMMAND, "parceltrack.db.bots.url", settings.db().bots().url());
        App.require(reader, COMMAND, "parceltrack.kafka.bootstrap-servers", settings.kafka().bootstrapServers());
        App.require(reader, COMMAND, "parceltrack.grpc.account.address", settings.grpc().account().address());
        App.require(reader, COMMAND, "parceltrack.grpc.parcels-user.address", settings.grpc().parcelsUser().address());
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().bots(), DatabaseRole.BOTS, settings.db(), COMMAND, lifecycle);
        BotStores stores = database.botStores();
        AccountGrpcClient accounts = GrpcWiring.accountClient(settings.grpc(), lifecycle);
        ParcelsUserGrpcClient parcels = GrpcWiring.parcelsUserClient(settings.grpc(), lifecycle);

        UserBot bot = new UserBot(
                BotWiring.settings(COMMAND, settings.telegram().userBot(), BotWiring.telegramUrl(settings.telegram()),
                        settings.telegram()),
                new UserBot.Ports(accounts, accounts, parcels, stores.conversations(), stores.blockedChats()),
                BotWiring.recipientDetails(settings.telegram()), clock);
        lifecycle.add(Component.of("user bot", bot::start, bot::stop));

        KafkaWiring kafka = new KafkaWiring(settings.kafka());
        kafka.createTopicsOnStart(lifecycle);
        NotificationDeliveryConsumer deliveries = new NotificationDeliveryConsumer(
                kafka.deliveryConsumer(settings.notifications().parallelRecipients()),
                new NotificationDeliveryService(stores.processedMessages(), bot.messenger(), clock));
        lifecycle.add(Component.of("delivery consumer", deliveries::start, () -> deliveries.stop(Duration.ofSeconds(60))));
        lifecycle.add(new Housekeeping(clock)
                .every("processed delivery ids", ParcelsManagerServiceApp.KEEP_BOOKKEEPING,
                        stores.processedMessages()::forgetProcessedBefore));

        HealthServer health = lifecycle.add(new HealthServer(settings.healthPort())
                .readyWhen("bots database", database::isReachable)
                .readyWhen("delivery consumer", deliveries::isRunning));
        lifecycle.announce(() -> "user bot @" + settings.telegram().userBot().username() + "; health: http://localhost:"
                + health.port() + "/health/ready");
        return lifecycle;
    }
}
