package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.TelegramMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.in.webhook.ManagerWebhookUseCases;
import io.parceltrack.service.EndpointDisabledNoticeService;
import io.parceltrack.service.EndpointDisabledNoticeWorker;
import io.parceltrack.telegram.manager.ManagerBot;
import java.time.Duration;

/** The managers' bot, and the messages it sends managers whose webhook endpoints were disabled. */
public final class ManagerBotArea {
    /** Notices asked for at a time; a full batch is followed by the next at once. */
    private static final int NOTICE_BATCH = 20;
    private static final Duration NOTICE_MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration NOTICE_STOP_GRACE = Duration.ofSeconds(20);

    private final EndpointDisabledNoticeWorker notices;

    public ManagerBotArea(Assembly assembly, TelegramEndpoint telegram, AccountUseCases accounts,
            ManagerParcelUseCases parcels, ManagerWebhookUseCases webhooks, BotData data) {
        ManagerBot bot = new ManagerBot(
                BotWiring.settings(BotWiring.MANAGER_BOT, telegram.managerBot(), telegram.url(),
                        assembly.settings().telegram()).withObserver(new TelegramMetrics(assembly.metrics().registry())),
                new ManagerBot.Ports(accounts, accounts, accounts, parcels, webhooks, data.conversations(),
                        data.blockedChats()),
                BotWiring.links(assembly.settings()), assembly.clock());
        this.notices = new EndpointDisabledNoticeWorker(
                new EndpointDisabledNoticeService(webhooks, data.processedMessages(), bot.webhookNotices(),
                        assembly.clock(), NOTICE_BATCH),
                assembly.settings().webhooks().noticePollInterval(), NOTICE_MAX_BACKOFF);
        assembly.add(Component.of("manager bot", bot::start, bot::stop));
        // After the bot, so that it stops first: a notice being sent is finished before the bot goes.
        assembly.add(Component.of("webhook notices to managers", notices::start, () -> notices.stop(NOTICE_STOP_GRACE)));
        assembly.lifecycle().announce(() -> "manager bot @" + telegram.managerBot().username() + " at " + telegram.url());
    }

    /** Looks for notices now rather than at the next poll: an endpoint was just disabled in this process. */
    public void endpointDisabled() {
        notices.wakeUp();
    }
}
