package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Barrage;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.chat.Conversation;
import io.parceltrack.telegram.chat.ConversationMemory;
import io.parceltrack.telegram.chat.RegistrationStep;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random input in every state of the manager bot: always an answer, never a failure. */
class ManagerBotBarrageIT {
    private static final String TOKEN = "6001:manager-barrage";
    private static final int ACTIONS_PER_STATE = 8;

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static final ConversationMemory<ManagerState> memory =
            new ConversationMemory<>("manager-bot", backend.conversations, new ManagerStateFormat());
    private static EmulatedBot telegram;
    private static ManagerBot bot;

    @BeforeAll
    static void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_manager_barrage_bot");
        bot = new ManagerBot(TestBots.settings("manager-bot", TOKEN, "parcel_manager_barrage_bot", emulator),
                new ManagerBot.Ports(backend.accountService, backend.accountService, backend.accountService,
                        backend.managerParcels, backend.webhooks, backend.conversations, backend.blockedChats),
                new ManagerBot.Links(URI.create("http://localhost:8080/api/v1"), "parcel_user_bot"), backend.clock);
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
            Parcel delivered = backend.addParcel(person.id(), "Delivered parcel");
            backend.addCheckpoint(person.id(), delivered, "Door", ParcelStatus.DELIVERED);
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

    private static Consumer<Person> registration(int answers) {
        return person -> {
            person.says("/start");
            person.pressesButtonWithData("reg:start");
            List<String> typed = List.of("Max Müller", "max@shop.example");
            typed.subList(0, Math.min(answers, 2)).forEach(person::says);
            if (answers >= 3) {
                person.pressesButtonWithData("reg:skip-phone");
            }
        };
    }

    /** A state of the dialogue, how a new person gets there, and how to tell they did. */
    private record State(Consumer<Person> path, Predicate<ManagerState> reached) {}

    private static final List<State> STATES = List.of(
            new State(person -> { }, state -> true),
            new State(person -> person.says("/start"), ManagerState.Unregistered.class::isInstance),
            new State(registration(0), registering(RegistrationStep.FullName.class)),
            new State(registration(1), registering(RegistrationStep.EmailAddress.class)),
            new State(registration(2), registering(RegistrationStep.Phone.class)),
            new State(registration(3), registering(RegistrationStep.Company.class)),
            new State(registered(List.of(), List.of()), ManagerState.Idle.class::isInstance),
            new State(registered(List.of(), List.of("menu:parcels")), ManagerState.Idle.class::isInstance),
            new State(registered(List.of(), List.of("menu:add")), ManagerState.ParcelName.class::isInstance),
            new State(registered(List.of("Kettle"), List.of("menu:add")), ManagerState.ParcelRecipient.class::isInstance),
            new State(registered(List.of("Kettle", "Ivan"), List.of("menu:add")),
                    ManagerState.ParcelAddress.class::isInstance),
            new State(registered(List.of("Kettle", "Ivan", "Kazan"), List.of("menu:add")),
                    ManagerState.ParcelForecast.class::isInstance),
            new State(registered(List.of("Kettle", "Ivan", "Kazan", "24.12.2030 18:30"), List.of("menu:add")),
                    ManagerState.ParcelDescription.class::isInstance),
            new State(registered(List.of(), List.of("menu:checkpoint")), ManagerState.CheckpointParcel.class::isInstance),
            new State(checkpoint(0), ManagerState.CheckpointStatus.class::isInstance),
            new State(checkpoint(1), ManagerState.CheckpointPlace.class::isInstance),
            new State(checkpoint(2), ManagerState.CheckpointNote.class::isInstance),
            new State(checkpoint(3), ManagerState.CheckpointTime.class::isInstance));

    private static Predicate<ManagerState> registering(Class<? extends RegistrationStep> step) {
        return state -> state instanceof ManagerState.Registering registering && step.isInstance(registering.step());
    }

    @Test
    void answersAnythingInEveryStateWithoutFailing() {
        Barrage barrage = new Barrage(1130L);
        for (State state : STATES) {
            for (int i = 0; i < ACTIONS_PER_STATE; i++) {
                Person person = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Max",
                        i % 3 == 0 ? "ru" : "en");
                state.path().accept(person);
                ManagerState reached = memory.load(person.id()).map(Conversation::state).orElse(new ManagerState.Fresh());
                assertThat(state.reached().test(reached)).as("reached " + reached).isTrue();
                barrage.act(person);
                barrage.act(person);
                barrage.act(person);
            }
        }
        assertThat(bot.failedUpdates()).as("updates that hit a bug").isZero();
        assertThat(telegram.unansweredPresses()).as("button presses left spinning").isZero();
    }
}
