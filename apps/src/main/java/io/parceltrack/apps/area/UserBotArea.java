package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.FlowMetrics;
import io.parceltrack.apps.metrics.TelegramMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.apps.wiring.KafkaWiring;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.telegram.user.UserBot;
import java.time.Duration;

/** The recipients' bot and the notifications it sends them. */
public final class UserBotArea {
    /**
     * How old another instance's unfinished delivery claim must be before this one takes it over:
     * twice the time one request to Telegram may take (30 s). Only a send that Telegram's limits
     * hold up for longer than this, while its delivery moved to another instance, can be repeated
     * (docs/EVENTS.md).
     */
    static final Duration CLAIM_STALE_AFTER = Duration.ofSeconds(60);

    private final Assembly assembly;
    private final BotData data;
    private final UserBot bot;

    public UserBotArea(Assembly assembly, TelegramEndpoint telegram, AccountUseCases accounts,
            UserParcelUseCases parcels, BotData data) {
        this.assembly = assembly;
        this.data = data;
        this.bot = new UserBot(
                BotWiring.settings(BotWiring.USER_BOT, telegram.userBot(), telegram.url(), assembly.settings().telegram())
                        .withObserver(new TelegramMetrics(assembly.metrics().registry())),
                new UserBot.Ports(accounts, accounts, parcels, data.conversations(), data.blockedChats()),
                BotWiring.recipientDetails(assembly.settings().telegram()), assembly.clock());
        assembly.add(Component.of("user bot", bot::start, bot::stop));
        assembly.lifecycle().announce(() -> "user bot @" + telegram.userBot().username() + " at " + telegram.url());
    }

    /**
     * Sends every delivery the transport brings as a Telegram message, once; claims are made under
     * this instance's id and forgotten after a week.
     */
    public void sendNotificationsFrom(EventTransport events) {
        String owner = KafkaWiring.instanceId(assembly.settings().kafka());
        events.deliverTo(new FlowMetrics(assembly.metrics().registry()).delivered(
                new NotificationDeliveryService(data.deliveryClaims(), bot.messenger(), assembly.clock(),
                        owner, CLAIM_STALE_AFTER)));
        assembly.add(new Housekeeping(assembly.clock())
                .every("delivery claims", ManagerParcelArea.KEEP_BOOKKEEPING, data.deliveryClaims()::forgetBefore));
    }
}
