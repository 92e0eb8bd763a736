package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Barrage;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import io.parceltrack.telegram.user.UserConversation.Step;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random input in every step of the user bot: always an answer, never a failure. */
class UserBotBarrageIT {
    private static final String TOKEN = "5001:user-barrage";
    private static final int ACTIONS_PER_STEP = 12;

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static EmulatedBot telegram;
    private static UserBot bot;

    @BeforeAll
    static void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_user_barrage_bot");
        bot = new UserBot(TestBots.settings("user-bot", TOKEN, "parcel_user_barrage_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                backend.clock);
        bot.start();
    }

    @AfterAll
    static void stopBot() {
        bot.stop();
        emulator.stop();
    }

    /** How a new person gets to each step. */
    private static final Map<Step, Consumer<Person>> PATHS = new EnumMap<>(Map.of(
            Step.FRESH, person -> { },
            Step.NEW, person -> {
                person.says("/start");
                person.says("/cancel");
            },
            Step.REG_FULL_NAME, person -> person.says("/start"),
            Step.REG_EMAIL, person -> {
                person.says("/start");
                person.says("Anna Smirnova");
            },
            Step.REG_PHONE, person -> {
                person.says("/start");
                person.says("Anna Smirnova");
                person.says("anna@example.com");
            },
            Step.IDLE, person -> {
                backend.registerUser(person.id(), "Anna Smirnova");
                person.says("/menu");
            },
            Step.AWAIT_TRACK_NUMBER, person -> {
                backend.registerUser(person.id(), "Anna Smirnova");
                person.says("/menu");
                person.pressesButtonWithData("menu:check");
            }));

    @Test
    void answersAnythingInEveryStepWithoutFailing() {
        assertThat(PATHS.keySet()).containsExactlyInAnyOrder(Step.values());
        Barrage barrage = new Barrage(20261130L);
        for (Step step : Step.values()) {
            for (int i = 0; i < ACTIONS_PER_STEP; i++) {
                Person person = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Anna",
                        i % 3 == 0 ? "ru" : "en");
                PATHS.get(step).accept(person);
                assertThat(backend.conversations.loadConversation("user-bot", person.id()).orElse(""))
                        .as("reached " + step).contains(step == Step.FRESH ? "" : "\"step\":\"" + step + "\"");
                barrage.act(person);
                barrage.act(person);
            }
        }
        assertThat(bot.failedUpdates()).as("updates that hit a bug").isZero();
        assertThat(telegram.unansweredPresses()).as("button presses left spinning").isZero();
    }
}
