package io.parceltrack.telegram.user;

import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;

/** A user bot on the emulator with in-memory services, for the user bot's integration tests. */
final class RunningUserBot implements AutoCloseable {
    static final long MANAGER = 900_001;

    final TelegramEmulator emulator = new TelegramEmulator();
    final Backend backend = new Backend();
    final EmulatedBot telegram;
    final String token;
    UserBot bot;

    RunningUserBot(String token, RecipientDetails recipientDetails) {
        this.token = token;
        emulator.start(0);
        telegram = emulator.registerBot(token, "parcel_user_bot");
        bot = newBot(recipientDetails);
        bot.start();
        backend.registerManager(MANAGER, "Max Manager");
    }

    UserBot newBot(RecipientDetails recipientDetails) {
        return new UserBot(TestBots.settings("user-bot", token, "parcel_user_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                recipientDetails, backend.clock);
    }

    Person newPerson(String languageCode) {
        return new Person(telegram, () -> bot.handledUpdates(), TestBots.newChatId(), "Anna", languageCode);
    }

    Person registeredPerson(String languageCode) {
        Person person = newPerson(languageCode);
        backend.registerUser(person.id(), "Anna Smirnova");
        return person;
    }

    @Override
    public void close() {
        bot.stop();
        emulator.stop();
    }
}
