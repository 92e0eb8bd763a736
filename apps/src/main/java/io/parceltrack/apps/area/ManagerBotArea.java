package io.parceltrack.apps.area;

import io.parceltrack.apps.metrics.TelegramMetrics;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.wiring.BotWiring;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.manager.ManagerBot;

/** The managers' bot. */
public final class ManagerBotArea {
    public ManagerBotArea(Assembly assembly, TelegramEndpoint telegram, AccountUseCases accounts,
            ManagerParcelUseCases parcels, BotData data) {
        ManagerBot bot = new ManagerBot(
                BotWiring.settings(BotWiring.MANAGER_BOT, telegram.managerBot(), telegram.url(),
                        assembly.settings().telegram()).withObserver(new TelegramMetrics(assembly.metrics().registry())),
                new ManagerBot.Ports(accounts, accounts, accounts, parcels, data.conversations(), data.blockedChats()),
                BotWiring.links(assembly.settings()), assembly.clock());
        assembly.add(Component.of("manager bot", bot::start, bot::stop));
        assembly.lifecycle().announce(() -> "manager bot @" + telegram.managerBot().username() + " at " + telegram.url());
    }
}
