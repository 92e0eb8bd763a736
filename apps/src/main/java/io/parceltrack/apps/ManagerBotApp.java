package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.HealthServer;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.grpc.AccountGrpcClient;
import io.parceltrack.grpc.ParcelsManagerGrpcClient;
import io.parceltrack.postgres.BotStores;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.telegram.manager.ManagerBot;
import java.net.URI;
import java.time.Clock;

/** The managers' Telegram bot: talks to the account and parcels-manager services over gRPC. */
public final class ManagerBotApp implements App {
    static final String COMMAND = "manager-bot";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "the managers' Telegram bot (gRPC, bots database)";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        App.require(reader, COMMAND, "parceltrack.telegram.manager-bot.token", settings.telegram().managerBot().token());
        App.require(reader, COMMAND, "parceltrack.db.bots.url", settings.db().bots().url());
        App.require(reader, COMMAND, "parceltrack.grpc.account.address", settings.grpc().account().address());
        App.require(reader, COMMAND, "parceltrack.grpc.parcels-manager.address",
                settings.grpc().parcelsManager().address());
        checkPublicUrl(settings, reader);
    }

    static void checkPublicUrl(AppSettings settings, SettingsReader reader) {
        try {
            URI url = URI.create(settings.http().publicUrl());
            if (url.getScheme() == null || url.getHost() == null) {
                reader.problem("parceltrack.http.public-url", "must be an absolute URL like https://api.example.com");
            }
        } catch (IllegalArgumentException e) {
            reader.problem("parceltrack.http.public-url", "must be an absolute URL like https://api.example.com");
        }
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().bots(), DatabaseRole.BOTS, settings.db(), COMMAND, lifecycle);
        BotStores stores = database.botStores();
        AccountGrpcClient accounts = GrpcWiring.accountClient(settings.grpc(), lifecycle);
        ParcelsManagerGrpcClient parcels = GrpcWiring.parcelsManagerClient(settings.grpc(), lifecycle);

        ManagerBot bot = new ManagerBot(
                BotWiring.settings(COMMAND, settings.telegram().managerBot(), BotWiring.telegramUrl(settings.telegram()),
                        settings.telegram()),
                new ManagerBot.Ports(accounts, accounts, accounts, parcels, stores.conversations(), stores.blockedChats()),
                BotWiring.links(settings), clock);
        lifecycle.add(Component.of("manager bot", bot::start, bot::stop));

        HealthServer health = lifecycle.add(new HealthServer(settings.healthPort())
                .readyWhen("bots database", database::isReachable));
        lifecycle.announce(() -> "manager bot @" + settings.telegram().managerBot().username()
                + "; health: http://localhost:" + health.port() + "/health/ready");
        return lifecycle;
    }
}
