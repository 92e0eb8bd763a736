package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.FlowMetrics;
import io.parceltrack.apps.metrics.TelegramMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.apps.wiring.Housekeeping;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.service.NotificationDeliveryService;
import io.parceltrack.telegram.user.UserBot;

/** The recipients' bot and the notifications it sends them. */
public final class UserBotArea {
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

    /** Sends every delivery the transport brings as a Telegram message, once; sent ids are forgotten after a week. */
    public void sendNotificationsFrom(EventTransport events) {
        events.deliverTo(new FlowMetrics(assembly.metrics().registry()).delivered(
                new NotificationDeliveryService(data.processedMessages(), bot.messenger(), assembly.clock())));
        assembly.add(new Housekeeping(assembly.clock())
                .every("processed delivery ids", ManagerParcelArea.KEEP_BOOKKEEPING,
                        data.processedMessages()::forgetProcessedBefore));
    }
}
