package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import io.parceltrack.telegram.manager.ManagerBot;
import io.parceltrack.telegram.user.UserBot;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The link a manager passes on opens the user bot at the parcel: both bots, one emulator, as Telegram would. */
class DeepLinkIT {
    private static final Pattern LINK = Pattern.compile("https://t\\.me/([A-Za-z0-9_]+)\\?start=([A-Za-z0-9_-]+)");

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static EmulatedBot userTelegram;
    private static EmulatedBot managerTelegram;
    private static UserBot userBot;
    private static ManagerBot managerBot;

    @BeforeAll
    static void startBots() {
        emulator.start(0);
        userTelegram = emulator.registerBot("8001:link-user-bot", "parcel_link_bot");
        managerTelegram = emulator.registerBot("8002:link-manager-bot", "parcel_link_manager_bot");
        userBot = new UserBot(TestBots.settings("user-bot", "8001:link-user-bot", "parcel_link_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats), backend.clock);
        managerBot = new ManagerBot(TestBots.settings("manager-bot", "8002:link-manager-bot", "parcel_link_manager_bot",
                        emulator),
                new ManagerBot.Ports(backend.accountService, backend.accountService, backend.accountService,
                        backend.managerParcels, backend.webhooks, backend.conversations, backend.blockedChats),
                new ManagerBot.Links(URI.create("http://localhost:8080/api/v1"), "parcel_link_bot"), backend.clock);
        userBot.start();
        managerBot.start();
    }

    @AfterAll
    static void stopBots() {
        userBot.stop();
        managerBot.stop();
        emulator.stop();
    }

    @Test
    void theManagersShareLinkOpensTheParcelInTheUserBotReadyToFollow() {
        Person max = new Person(managerTelegram, managerBot::handledUpdates, TestBots.newChatId(), "Max", "en");
        backend.registerManager(max.id(), "Max Müller");
        Parcel parcel = backend.addParcel(max.id(), "Shared parcel");
        max.says("/menu");
        max.presses("My parcels");
        Answer details = max.presses("Shared parcel · waiting to be shipped");
        Matcher link = LINK.matcher(details.text());
        assertThat(link.find()).as("a link in: " + details.text()).isTrue();
        assertThat(link.group(1)).isEqualTo("parcel_link_bot");
        assertThat(link.group(2)).isEqualTo(parcel.trackNumber().value());

        // Opening t.me/<bot>?start=<payload> makes Telegram send "/start <payload>" to that bot.
        Person anna = new Person(userTelegram, userBot::handledUpdates, TestBots.newChatId(), "Anna", "en");
        backend.registerUser(anna.id(), "Anna Smirnova");
        Answer opened = anna.says("/start " + link.group(2));

        assertThat(opened.text()).contains("Shared parcel").contains("Recipient: I. P***");
        assertThat(anna.presses("Subscribe").pressNote()).contains("Subscribed");
        assertThat(backend.parcelDatabase.isSubscribed(TelegramId.of(anna.id()), parcel.trackNumber())).isTrue();
    }
}
