package io.parceltrack.apps;

import io.parceltrack.apps.area.AccountArea;
import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.BotData;
import io.parceltrack.apps.area.EventTransport;
import io.parceltrack.apps.area.ManagerBotArea;
import io.parceltrack.apps.area.ManagerParcelArea;
import io.parceltrack.apps.area.ParcelData;
import io.parceltrack.apps.area.TelegramEndpoint;
import io.parceltrack.apps.area.UserBotArea;
import io.parceltrack.apps.area.UserParcelArea;
import io.parceltrack.apps.area.WebhookArea;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.HttpWiring;
import io.parceltrack.apps.wiring.WebhookAlertsWiring;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.rest.AppHttpServer;
import java.time.Clock;
import java.util.List;

/**
 * All six services in one JVM. With nothing configured, data lives in memory, events travel on an
 * in-process bus and the bots talk to a built-in Telegram Bot API emulator; each configured
 * database, Kafka, or pair of bot tokens replaces its embedded default.
 */
public final class StandaloneApp implements App {
    static final String COMMAND = "standalone";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "everything in one JVM, in memory unless PostgreSQL, Kafka or bot tokens are configured";
    }

    @Override
    public void checkRequirements(AppSettings settings, SettingsReader reader) {
        AppSettings.Telegram telegram = settings.telegram();
        if (telegram.userBot().configured() != telegram.managerBot().configured()) {
            reader.problem("parceltrack.telegram.manager-bot.token",
                    "and parceltrack.telegram.user-bot.token must both be set (real bots) or both be empty (emulator)");
        }
        String demoToken = settings.demo().apiToken();
        if (!demoToken.isBlank() && ApiToken.parse(demoToken).isEmpty()) {
            reader.problem("parceltrack.demo.api-token", "must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ -");
        }
        ManagerBotApp.checkPublicUrl(settings, reader);
    }

    @Override
    public Lifecycle assemble(AppSettings settings, Clock clock) {
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        AccountArea accounts = AccountArea.open(assembly);
        ParcelData parcelData = ParcelData.open(assembly);
        ManagerParcelArea managerParcels = new ManagerParcelArea(assembly, parcelData);
        UserParcelArea userParcels = new UserParcelArea(parcelData);
        BotData botData = BotData.open(assembly);
        EventTransport events = EventTransport.open(assembly);
        accounts.provisionDemoManager(settings.demo());

        managerParcels.relayEventsTo(events.eventPublisher());
        events.fanOut(parcelData.subscriptions());
        WebhookArea webhooks = new WebhookArea(assembly, parcelData);
        webhooks.deliverFrom(events, WebhookAlertsWiring.alerts(assembly));
        TelegramEndpoint telegram = TelegramEndpoint.configuredOrEmulated(assembly);
        new UserBotArea(assembly, telegram, accounts.service(), userParcels.service(), botData)
                .sendNotificationsFrom(events);
        new ManagerBotArea(assembly, telegram, accounts.service(), managerParcels.service(), botData);

        GrpcWiring.server("account", settings.grpc().account().port(), accounts.grpcServices(), assembly.lifecycle());
        GrpcWiring.server("parcels-manager", settings.grpc().parcelsManager().port(),
                List.of(managerParcels.grpcService()), assembly.lifecycle());
        GrpcWiring.server("parcels-user", settings.grpc().parcelsUser().port(), List.of(userParcels.grpcService()),
                assembly.lifecycle());
        AppHttpServer http = HttpWiring.serve(assembly,
                List.of(managerParcels.restApi(accounts.service(), webhooks.endpoints())));
        assembly.lifecycle().announce(() -> "REST API: http://localhost:" + http.port() + "/api/v1  (Swagger UI: http://localhost:"
                + http.port() + "/swagger)");
        if (!settings.demo().apiToken().isBlank()) {
            assembly.lifecycle().announce(() -> "demo manager " + settings.demo().managerTelegramId()
                    + " holds the API token from PARCELTRACK_DEMO_API_TOKEN");
        }
        return assembly.lifecycle();
    }
}
