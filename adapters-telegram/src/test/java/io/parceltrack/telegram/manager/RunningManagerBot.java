package io.parceltrack.telegram.manager;

import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.URI;

/** A manager bot on the emulator with in-memory services, for the manager bot's integration tests. */
final class RunningManagerBot implements AutoCloseable {
    static final String USER_BOT = "parcel_user_bot";

    final TelegramEmulator emulator = new TelegramEmulator();
    final Backend backend = new Backend();
    final EmulatedBot telegram;
    final ManagerBot bot;

    RunningManagerBot(String token, String username) {
        emulator.start(0);
        telegram = emulator.registerBot(token, username);
        bot = new ManagerBot(TestBots.settings("manager-bot", token, username, emulator),
                new ManagerBot.Ports(backend.accountService, backend.accountService, backend.accountService,
                        backend.managerParcels, backend.webhooks, backend.conversations, backend.blockedChats),
                new ManagerBot.Links(URI.create("http://localhost:8080/api/v1"), USER_BOT), backend.clock);
        bot.start();
    }

    Person newManager(String languageCode) {
        return new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Max", languageCode);
    }

    /** A registered manager who has just opened the menu. */
    Person registeredManager(String languageCode) {
        Person max = newManager(languageCode);
        backend.registerManager(max.id(), "Max Müller");
        max.says("/menu");
        return max;
    }

    @Override
    public void close() {
        bot.stop();
        emulator.stop();
    }
}
