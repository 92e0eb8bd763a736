package io.parceltrack.apps;

import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.BotData;
import io.parceltrack.apps.area.EventTransport;
import io.parceltrack.apps.area.TelegramEndpoint;
import io.parceltrack.apps.area.UserBotArea;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
import java.time.Clock;

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
        // Without a token only against an emulator (another Bot API URL), never against Telegram.
        if (settings.telegram().apiUrl().isBlank()) {
            App.require(reader, COMMAND, "parceltrack.telegram.user-bot.token", settings.telegram().userBot().token());
        }
        App.require(reader, COMMAND, "parceltrack.db.bots.url", settings.db().bots().url());
        App.require(reader, COMMAND, "parceltrack.kafka.bootstrap-servers", settings.kafka().bootstrapServers());
        App.require(reader, COMMAND, "parceltrack.grpc.account.address", settings.grpc().account().address());
        App.require(reader, COMMAND, "parceltrack.grpc.parcels-user.address", settings.grpc().parcelsUser().address());
        GrpcWiring.checkTransportSecurity(settings, reader);
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        UserBotArea bot = new UserBotArea(assembly, TelegramEndpoint.configured(settings.telegram()),
                GrpcWiring.accountClient(settings.grpc(), assembly),
                GrpcWiring.parcelsUserClient(settings.grpc(), assembly), BotData.open(assembly));
        bot.sendNotificationsFrom(EventTransport.open(assembly));
        HttpWiring.serveHealth(assembly);
        return assembly.lifecycle();
    }
}
