package io.parceltrack.apps;

import io.parceltrack.apps.area.AccountArea;
import io.parceltrack.apps.area.Assembly;
import io.parceltrack.apps.area.BotData;
import io.parceltrack.apps.area.DataDirectory;
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
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.runtime.ListenAddress;
import io.parceltrack.apps.wiring.HttpWiring;
import io.parceltrack.apps.wiring.WebhookAlertsWiring;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.rest.AppHttpServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * All six services in one JVM. With nothing configured, data lives in memory, events travel on an
 * in-process bus and the bots talk to a built-in Telegram Bot API emulator; each configured
 * database, Kafka, or pair of bot tokens replaces its embedded default. The services call each
 * other in-process, so standalone serves no gRPC: a port nothing needs is a door left open.
 */
public final class StandaloneApp implements App {
    static final String COMMAND = "standalone";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "everything in one JVM, in memory unless --data-dir DIR, PostgreSQL, Kafka or bot tokens are configured";
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
        if (!demoToken.isBlank() && settings.db().accounts().configured() && !settings.security().demoWithExternalDatabase()) {
            reader.problem("parceltrack.demo.api-token", "is a known secret, refused with an external accounts database"
                    + " (PARCELTRACK_DB_ACCOUNTS_URL): anyone who knows it would act as the demo manager on real data."
                    + " Unset it, or set PARCELTRACK_DEMO_ALLOW_WITH_EXTERNAL_DATABASE=true if this database is a trial");
        }
        ManagerBotApp.checkPublicUrl(settings, reader);
        UserParcelArea.checkUserBotUsername(settings, reader);
        AppSettings.Databases db = settings.db();
        if (!settings.standalone().dataDir().isBlank()
                && (db.accounts().configured() || db.parcels().configured() || db.bots().configured())) {
            reader.problem("parceltrack.standalone.data-dir", "cannot be combined with PARCELTRACK_DB_*_URL:"
                    + " keep the data in its own directory or on your PostgreSQL, not both");
        }
    }

    private static String whereDataLives(AppSettings settings) {
        AppSettings.Databases db = settings.db();
        if (db.accounts().configured() && db.parcels().configured() && db.bots().configured()) {
            return "data: on the configured PostgreSQL databases";
        }
        String inMemory = "data: in memory, gone when standalone stops (--data-dir DIR keeps it)";
        return db.accounts().configured() || db.parcels().configured() || db.bots().configured()
                ? inMemory.replace("data:", "data: partly") + "; the rest on the configured PostgreSQL databases"
                : inMemory;
    }

    @Override
    public Lifecycle assemble(AppSettings configured, Clock clock) {
        Optional<DataDirectory> dataDirectory = configured.standalone().dataDir().isBlank() ? Optional.empty()
                : Optional.of(DataDirectory.start(configured.standalone().dataDir()));
        AppSettings settings = dataDirectory.map(directory -> directory.settingsFor(configured)).orElse(configured);
        Assembly assembly = new Assembly(COMMAND, settings, clock);
        // First in, last out: the server stops after every pool on it has closed.
        dataDirectory.ifPresent(directory -> assembly.add(Component.of("PostgreSQL in the data directory", () -> {},
                directory::stop)));
        assembly.lifecycle().announce(() -> dataDirectory.map(DataDirectory::describe).orElseGet(() -> whereDataLives(settings)));
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
        TelegramEndpoint telegram = TelegramEndpoint.configuredOrEmulated(assembly);
        new UserBotArea(assembly, telegram, accounts.service(), userParcels.service(), botData)
                .sendNotificationsFrom(events);
        ManagerBotArea managerBot = new ManagerBotArea(assembly, telegram, accounts.service(), managerParcels.service(),
                webhooks.endpoints(), botData);
        webhooks.deliverFrom(events, WebhookAlertsWiring.alerts(assembly, managerBot::endpointDisabled));

        AppHttpServer http = HttpWiring.serve(assembly,
                List.of(managerParcels.restApi(accounts.service(), webhooks.endpoints()), userParcels.trackingPage(assembly)));
        String httpHost = settings.http().host();
        assembly.lifecycle().announce(() -> "REST API: " + ListenAddress.localUrl(httpHost, http.port()) + "/api/v1"
                + " (Swagger UI: " + ListenAddress.localUrl(httpHost, http.port()) + "/swagger), "
                + ListenAddress.describe(httpHost, http.port()));
        assembly.lifecycle().announce(() -> "tracking page: " + ListenAddress.localUrl(httpHost, http.port()) + "/track");
        if (!settings.demo().apiToken().isBlank()) {
            assembly.lifecycle().announce(() -> "demo manager " + settings.demo().managerTelegramId()
                    + " holds the API token from PARCELTRACK_DEMO_API_TOKEN");
        }
        return assembly.lifecycle();
    }
}
