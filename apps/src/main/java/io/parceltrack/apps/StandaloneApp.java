package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.GrpcWiring;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.apps.wiring.RestWiring;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.grpc.ManagerGrpcService;
import io.parceltrack.grpc.ParcelsManagerGrpcService;
import io.parceltrack.grpc.ParcelsUserGrpcService;
import io.parceltrack.grpc.UserGrpcService;
import io.parceltrack.kafka.KafkaParcelEventPublisher;
import io.parceltrack.kafka.NotificationDeliveryConsumer;
import io.parceltrack.kafka.ParcelEventFanOutConsumer;
import io.parceltrack.memory.InMemoryAccountStore;
import io.parceltrack.memory.InMemoryBlockedChatStore;
import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.memory.InMemoryEventBus;
import io.parceltrack.memory.InMemoryIdempotencyStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.ManagerStore;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelEventPublisher;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.ProcessedMessageStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.port.out.UserStore;
import io.parceltrack.postgres.AccountStores;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.ParcelStores;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.rest.ReadinessCheck;
import io.parceltrack.service.AccountService;
import io.parceltrack.service.ManagerParcelService;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.service.NotificationFanOutService;
import io.parceltrack.service.OutboxRelayService;
import io.parceltrack.service.OutboxRelayWorker;
import io.parceltrack.service.UserParcelService;
import io.parceltrack.telegram.emulator.EmulatorLimits;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import io.parceltrack.telegram.manager.ManagerBot;
import io.parceltrack.telegram.user.UserBot;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All six services in one JVM. With nothing configured, data lives in memory, events travel on an
 * in-process bus and the bots talk to a built-in Telegram Bot API emulator; each configured
 * database, Kafka, or pair of bot tokens replaces its embedded default.
 */
public final class StandaloneApp implements App {
    static final String COMMAND = "standalone";
    /** Tokens the bots use with the built-in emulator; they mean nothing anywhere else. */
    static final String EMULATED_USER_BOT_TOKEN = "7000000001:standalone-user-bot";
    static final String EMULATED_MANAGER_BOT_TOKEN = "7000000002:standalone-manager-bot";

    private record AccountPorts(UserStore users, ManagerStore managers) {}

    private record ParcelPorts(ParcelStore parcels, RecordCheckpointPort checkpoints, SubscriptionStore subscriptions,
            OutboxStore outbox, IdempotencyStore idempotency) {}

    private record BotPorts(ConversationStore conversations, BlockedChatStore blockedChats,
            ProcessedMessageStore processedMessages) {}

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
        Lifecycle lifecycle = new Lifecycle(COMMAND);
        Map<String, ReadinessCheck> readiness = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();

        AccountPorts accountStores = accountPorts(settings, lifecycle, readiness);
        ParcelPorts parcelStores = parcelPorts(settings, lifecycle, readiness);
        BotPorts botStores = botPorts(settings, lifecycle, readiness);

        AccountService accounts = new AccountService(accountStores.users(), accountStores.managers(), clock, random);
        ManagerParcelService managerParcels =
                new ManagerParcelService(parcelStores.parcels(), parcelStores.checkpoints(), clock, random);
        UserParcelService userParcels = new UserParcelService(parcelStores.parcels(), parcelStores.subscriptions());
        provisionDemoManager(settings.demo(), accounts, accountStores.managers(), clock);

        URI telegramUrl = telegramUrl(settings.telegram(), lifecycle);
        boolean emulated = !settings.telegram().userBot().configured();
        UserBot userBot = new UserBot(
                BotWiring.settings(UserBotApp.COMMAND, bot(settings.telegram().userBot(), emulated, EMULATED_USER_BOT_TOKEN),
                        telegramUrl, settings.telegram()),
                new UserBot.Ports(accounts, accounts, userParcels, botStores.conversations(), botStores.blockedChats()),
                BotWiring.recipientDetails(settings.telegram()), clock);
        ManagerBot managerBot = new ManagerBot(
                BotWiring.settings(ManagerBotApp.COMMAND,
                        bot(settings.telegram().managerBot(), emulated, EMULATED_MANAGER_BOT_TOKEN), telegramUrl,
                        settings.telegram()),
                new ManagerBot.Ports(accounts, accounts, accounts, managerParcels, botStores.conversations(),
                        botStores.blockedChats()),
                BotWiring.links(settings), clock);
        NotificationDeliveryService delivery =
                new NotificationDeliveryService(botStores.processedMessages(), userBot.messenger(), clock);

        ParcelEventPublisher eventPublisher = events(settings, parcelStores, delivery, lifecycle, readiness);
        OutboxRelayWorker relay = new OutboxRelayWorker(
                new OutboxRelayService(parcelStores.outbox(), eventPublisher, settings.outbox().batchSize()),
                settings.outbox().pollInterval(), settings.outbox().maxBackoff());
        lifecycle.add(Component.of("outbox relay", relay::start, () -> relay.stop(Duration.ofSeconds(30))));

        GrpcWiring.server("account", settings.grpc().account().port(),
                List.of(new UserGrpcService(accounts), new ManagerGrpcService(accounts)), lifecycle);
        GrpcWiring.server("parcels-manager", settings.grpc().parcelsManager().port(),
                List.of(new ParcelsManagerGrpcService(managerParcels)), lifecycle);
        GrpcWiring.server("parcels-user", settings.grpc().parcelsUser().port(),
                List.of(new ParcelsUserGrpcService(userParcels)), lifecycle);
        lifecycle.add(Component.of("user bot", userBot::start, userBot::stop));
        lifecycle.add(Component.of("manager bot", managerBot::start, managerBot::stop));
        RestWiring.server(managerParcels, accounts, parcelStores.idempotency(), clock, readiness, settings.http(), lifecycle);
        lifecycle.announce(() -> "bots: @" + settings.telegram().userBot().username() + " (recipients), @"
                + settings.telegram().managerBot().username() + " (managers) at " + telegramUrl);
        if (!settings.demo().apiToken().isBlank()) {
            lifecycle.announce(() -> "demo manager " + settings.demo().managerTelegramId()
                    + " holds the API token from PARCELTRACK_DEMO_API_TOKEN");
        }
        return lifecycle;
    }

    private static AppSettings.Bot bot(AppSettings.Bot configured, boolean emulated, String emulatedToken) {
        return emulated ? new AppSettings.Bot(emulatedToken, configured.username()) : configured;
    }

    /** The configured Bot API, Telegram for configured tokens, else the built-in emulator. */
    private static URI telegramUrl(AppSettings.Telegram telegram, Lifecycle lifecycle) {
        if (telegram.userBot().configured()) {
            return BotWiring.telegramUrl(telegram);
        }
        TelegramEmulator emulator = new TelegramEmulator(EmulatorLimits.off());
        if (!telegram.emulatorPeopleFile().isBlank()) {
            emulator.rememberPeopleIn(Path.of(telegram.emulatorPeopleFile()));
        }
        emulator.registerBot(EMULATED_USER_BOT_TOKEN, telegram.userBot().username());
        emulator.registerBot(EMULATED_MANAGER_BOT_TOKEN, telegram.managerBot().username());
        emulator.start(telegram.emulatorPort());
        lifecycle.add(Component.of("Telegram emulator", () -> {}, emulator::stop));
        lifecycle.announce(() -> "Telegram Bot API emulator: " + emulator.baseUrl()
                + "  (talk to the bots through " + emulator.baseUrl() + "/control, see docs/BOTS.md)");
        return URI.create(emulator.baseUrl());
    }

    private static AccountPorts accountPorts(AppSettings settings, Lifecycle lifecycle, Map<String, ReadinessCheck> readiness) {
        if (!settings.db().accounts().configured()) {
            InMemoryAccountStore memory = new InMemoryAccountStore();
            return new AccountPorts(memory, memory);
        }
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().accounts(), DatabaseRole.ACCOUNTS, settings.db(), COMMAND, lifecycle);
        readiness.put("accounts database", database::isReachable);
        AccountStores stores = database.accountStores();
        return new AccountPorts(stores.users(), stores.managers());
    }

    private static ParcelPorts parcelPorts(AppSettings settings, Lifecycle lifecycle, Map<String, ReadinessCheck> readiness) {
        if (!settings.db().parcels().configured()) {
            InMemoryParcelDatabase memory = new InMemoryParcelDatabase();
            return new ParcelPorts(memory, memory, memory, memory, new InMemoryIdempotencyStore());
        }
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().parcels(), DatabaseRole.PARCELS, settings.db(), COMMAND, lifecycle);
        readiness.put("parcels database", database::isReachable);
        ParcelStores stores = database.parcelStores();
        return new ParcelPorts(stores.parcels(), stores.checkpoints(), stores.subscriptions(), stores.outbox(),
                stores.idempotency());
    }

    private static BotPorts botPorts(AppSettings settings, Lifecycle lifecycle, Map<String, ReadinessCheck> readiness) {
        if (!settings.db().bots().configured()) {
            return new BotPorts(new InMemoryConversationStore(), new InMemoryBlockedChatStore(),
                    new InMemoryProcessedMessageStore());
        }
        PostgresDatabase database = DatabaseWiring.open(
                settings.db().bots(), DatabaseRole.BOTS, settings.db(), COMMAND, lifecycle);
        readiness.put("bots database", database::isReachable);
        var stores = database.botStores();
        return new BotPorts(stores.conversations(), stores.blockedChats(), stores.processedMessages());
    }

    /**
     * Where the outbox relay publishes, and how events reach the delivery service: through Kafka
     * when configured, else on the in-process bus.
     */
    private static ParcelEventPublisher events(AppSettings settings, ParcelPorts parcels,
            NotificationDeliveryService delivery, Lifecycle lifecycle, Map<String, ReadinessCheck> readiness) {
        int pageSize = settings.notifications().fanOutPageSize();
        if (!settings.kafka().configured()) {
            InMemoryEventBus bus = new InMemoryEventBus();
            NotificationFanOutService fanOut = new NotificationFanOutService(parcels.subscriptions(), bus, pageSize);
            bus.onParcelEvent(fanOut::fanOut);
            bus.onDelivery(delivery::deliver);
            lifecycle.add(Component.of("in-process event bus", () -> {}, bus::close));
            return bus;
        }
        KafkaWiring kafka = new KafkaWiring(settings.kafka());
        kafka.createTopicsOnStart(lifecycle);
        KafkaParcelEventPublisher publisher = new KafkaParcelEventPublisher(kafka.relayPublisher());
        lifecycle.add("parcel event producer", publisher);
        ParcelEventFanOutConsumer fanOut = new ParcelEventFanOutConsumer(kafka.fanOutConsumer(),
                deliveries -> new NotificationFanOutService(parcels.subscriptions(), deliveries, pageSize));
        lifecycle.add(Component.of("parcel event consumer", fanOut::start, () -> fanOut.stop(Duration.ofSeconds(30))));
        NotificationDeliveryConsumer deliveries = new NotificationDeliveryConsumer(
                kafka.deliveryConsumer(settings.notifications().parallelRecipients()), delivery);
        lifecycle.add(Component.of("delivery consumer", deliveries::start, () -> deliveries.stop(Duration.ofSeconds(60))));
        readiness.put("parcel event consumer", fanOut::isRunning);
        readiness.put("delivery consumer", deliveries::isRunning);
        return publisher;
    }

    /** Registers the demo manager (if new) and makes the configured token theirs. */
    private static void provisionDemoManager(AppSettings.Demo demo, AccountService accounts, ManagerStore managers,
            Clock clock) {
        if (demo.apiToken().isBlank()) {
            return;
        }
        ApiToken token = ApiToken.parse(demo.apiToken()).orElseThrow();
        TelegramId manager = new TelegramId(demo.managerTelegramId());
        if (!accounts.isManagerRegistered(manager)) {
            accounts.registerManager(RegisterManagerCommand.parse(
                    manager, "Demo Manager", "demo@parceltrack.example", "", "ParcelTrack Demo"));
        }
        if (!managers.setFirstApiToken(manager, token.hash(), clock.instant())) {
            managers.replaceApiToken(manager, token.hash(), clock.instant());
        }
    }
}
