package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Barrage;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import io.parceltrack.telegram.manager.ManagerConversation.Step;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random input in every step of the manager bot: always an answer, never a failure. */
class ManagerBotBarrageIT {
    private static final String TOKEN = "6001:manager-barrage";
    private static final int ACTIONS_PER_STEP = 10;

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static EmulatedBot telegram;
    private static ManagerBot bot;

    @BeforeAll
    static void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_manager_barrage_bot");
        bot = new ManagerBot(TestBots.settings("manager-bot", TOKEN, "parcel_manager_barrage_bot", emulator),
                new ManagerBot.Ports(backend.accountService, backend.accountService, backend.accountService,
                        backend.managerParcels, backend.conversations, backend.blockedChats),
                URI.create("http://localhost:8080/api/v1"), backend.clock);
        bot.start();
    }

    @AfterAll
    static void stopBot() {
        bot.stop();
        emulator.stop();
    }

    private static Consumer<Person> registered(List<String> texts, List<String> presses) {
        return person -> {
            backend.registerManager(person.id(), "Max Müller");
            Parcel parcel = backend.addParcel(person.id(), "Barrage parcel");
            person.says("/menu");
            for (String press : presses) {
                person.pressesButtonWithData(press);
            }
            for (String text : texts) {
                person.says(text.replace("{tn}", parcel.trackNumber().value()));
            }
        };
    }

    private static Consumer<Person> checkpoint(int answers) {
        return person -> {
            registered(List.of("{tn}"), List.of("menu:checkpoint")).accept(person);
            if (answers >= 1) {
                person.pressesButtonWithData("cps:IN_TRANSIT");
            }
            if (answers >= 2) {
                person.says("Kazan hub");
            }
            if (answers >= 3) {
                person.says("arrived");
            }
        };
    }

    /** How a new person gets to each step. */
    private static final Map<Step, Consumer<Person>> PATHS = new EnumMap<>(Step.class);

    static {
        PATHS.put(Step.FRESH, person -> { });
        PATHS.put(Step.NEW, person -> person.says("/start"));
        PATHS.put(Step.REG_FULL_NAME, person -> {
            person.says("/start");
            person.pressesButtonWithData("reg:start");
        });
        PATHS.put(Step.REG_EMAIL, person -> {
            PATHS.get(Step.REG_FULL_NAME).accept(person);
            person.says("Max Müller");
        });
        PATHS.put(Step.REG_PHONE, person -> {
            PATHS.get(Step.REG_EMAIL).accept(person);
            person.says("max@shop.example");
        });
        PATHS.put(Step.REG_COMPANY, person -> {
            PATHS.get(Step.REG_PHONE).accept(person);
            person.pressesButtonWithData("reg:skip-phone");
        });
        PATHS.put(Step.IDLE, registered(List.of(), List.of()));
        PATHS.put(Step.PARCEL_NAME, registered(List.of(), List.of("menu:add")));
        PATHS.put(Step.PARCEL_RECIPIENT, registered(List.of("Kettle"), List.of("menu:add")));
        PATHS.put(Step.PARCEL_ADDRESS, registered(List.of("Kettle", "Ivan"), List.of("menu:add")));
        PATHS.put(Step.PARCEL_FORECAST, registered(List.of("Kettle", "Ivan", "Kazan"), List.of("menu:add")));
        PATHS.put(Step.PARCEL_DESCRIPTION,
                registered(List.of("Kettle", "Ivan", "Kazan", "24.12.2030 18:30"), List.of("menu:add")));
        PATHS.put(Step.CHECKPOINT_PARCEL, registered(List.of(), List.of("menu:checkpoint")));
        PATHS.put(Step.CHECKPOINT_STATUS, checkpoint(0));
        PATHS.put(Step.CHECKPOINT_PLACE, checkpoint(1));
        PATHS.put(Step.CHECKPOINT_DESCRIPTION, checkpoint(2));
        PATHS.put(Step.CHECKPOINT_TIME, checkpoint(3));
    }

    @Test
    void answersAnythingInEveryStepWithoutFailing() {
        assertThat(PATHS.keySet()).containsExactlyInAnyOrder(Step.values());
        Barrage barrage = new Barrage(1130L);
        for (Step step : Step.values()) {
            for (int i = 0; i < ACTIONS_PER_STEP; i++) {
                Person person = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Max",
                        i % 3 == 0 ? "ru" : "en");
                PATHS.get(step).accept(person);
                assertThat(backend.conversations.loadConversation("manager-bot", person.id()).orElse(""))
                        .as("reached " + step).contains(step == Step.FRESH ? "" : "\"step\":\"" + step + "\"");
                barrage.act(person);
                barrage.act(person);
                barrage.act(person);
            }
        }
        assertThat(bot.failedUpdates()).as("updates that hit a bug").isZero();
        assertThat(telegram.unansweredPresses()).as("button presses left spinning").isZero();
    }
}
