package io.parceltrack.apps;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.BotData;
import io.parceltrack.apps.area.ManagerBotArea;
import io.parceltrack.apps.area.TelegramEndpoint;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
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
        // Without a token only against an emulator (another Bot API URL), never against Telegram.
        if (settings.telegram().apiUrl().isBlank()) {
            App.require(reader, COMMAND, "parceltrack.telegram.manager-bot.token", settings.telegram().managerBot().token());
        }
        App.require(reader, COMMAND, "parceltrack.db.bots.url", settings.db().bots().url());
        App.require(reader, COMMAND, "parceltrack.grpc.account.address", settings.grpc().account().address());
        App.require(reader, COMMAND, "parceltrack.grpc.parcels-manager.address",
                settings.grpc().parcelsManager().address());
        checkPublicUrl(settings, reader);
        GrpcWiring.checkTransportSecurity(settings, reader);
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
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        GrpcWiring.ParcelsManagerClients parcelsManager = GrpcWiring.parcelsManagerClients(settings.grpc(), assembly);
        new ManagerBotArea(assembly, TelegramEndpoint.configured(settings.telegram()),
                GrpcWiring.accountClient(settings.grpc(), assembly), parcelsManager.parcels(), parcelsManager.webhooks(),
                BotData.open(assembly));
        HttpWiring.serveHealth(assembly);
        return assembly.lifecycle();
    }
}
