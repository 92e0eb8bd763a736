package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Barrage;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.TestBots;
import io.parceltrack.telegram.chat.Conversation;
import io.parceltrack.telegram.chat.ConversationMemory;
import io.parceltrack.telegram.chat.RegistrationStep;
import io.parceltrack.telegram.emulator.EmulatedBot;
import io.parceltrack.telegram.emulator.TelegramEmulator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random input in every state of the user bot: always an answer, never a failure. */
class UserBotBarrageIT {
    private static final String TOKEN = "5001:user-barrage";
    private static final int ACTIONS_PER_STATE = 10;
    private static final long MANAGER = 900_077;

    private static final TelegramEmulator emulator = new TelegramEmulator();
    private static final Backend backend = new Backend();
    private static final ConversationMemory<UserState> memory =
            new ConversationMemory<>("user-bot", backend.conversations, new UserStateFormat());
    private static EmulatedBot telegram;
    private static UserBot bot;
    private static Parcel parcel;

    @BeforeAll
    static void startBot() {
        emulator.start(0);
        telegram = emulator.registerBot(TOKEN, "parcel_user_barrage_bot");
        bot = new UserBot(TestBots.settings("user-bot", TOKEN, "parcel_user_barrage_bot", emulator),
                new UserBot.Ports(backend.accountService, backend.accountService, backend.userParcels,
                        backend.conversations, backend.blockedChats),
                backend.clock);
        bot.start();
        backend.registerManager(MANAGER, "Max Manager");
        parcel = backend.addParcel(MANAGER, "Barrage parcel");
    }

    @AfterAll
    static void stopBot() {
        bot.stop();
        emulator.stop();
    }

    /** A state of the dialogue, how a new person gets there, and how to tell they did. */
    private record State(String name, Consumer<Person> path, Predicate<UserState> reached) {}

    private static final List<State> STATES = List.of(
            new State("fresh", person -> { }, state -> true),
            new State("unregistered", person -> {
                person.says("/start");
                person.says("/cancel");
            }, UserState.Unregistered.class::isInstance),
            new State("asked the full name", person -> person.says("/start"), registering(RegistrationStep.FullName.class)),
            new State("asked the e-mail", person -> {
                person.says("/start");
                person.says("Anna Smirnova");
            }, registering(RegistrationStep.EmailAddress.class)),
            new State("asked the phone, a parcel to return to", person -> {
                person.says("/start " + parcel.trackNumber().value());
                person.says("Anna Smirnova");
                person.says("anna@example.com");
            }, state -> state instanceof UserState.Registering registering
                    && registering.step() instanceof RegistrationStep.Phone && registering.parcel() != null),
            new State("idle", person -> {
                backend.registerUser(person.id(), "Anna Smirnova");
                person.says("/menu");
            }, UserState.Idle.class::isInstance),
            new State("idle with a card and its history", person -> {
                backend.registerUser(person.id(), "Anna Smirnova");
                person.says(parcel.trackNumber().value());
                person.pressesButtonWithData("hist:" + parcel.trackNumber().value() + ":1");
            }, UserState.Idle.class::isInstance),
            new State("asked a track number", person -> {
                backend.registerUser(person.id(), "Anna Smirnova");
                person.says("/menu");
                person.pressesButtonWithData("menu:check");
            }, UserState.AwaitingTrackNumber.class::isInstance));

    private static Predicate<UserState> registering(Class<? extends RegistrationStep> step) {
        return state -> state instanceof UserState.Registering registering && step.isInstance(registering.step());
    }

    @Test
    void answersAnythingInEveryStateWithoutFailing() {
        Barrage barrage = new Barrage(20261130L);
        for (State state : STATES) {
            for (int i = 0; i < ACTIONS_PER_STATE; i++) {
                Person person = new Person(telegram, bot::handledUpdates, TestBots.newChatId(), "Anna",
                        i % 3 == 0 ? "ru" : "en");
                state.path().accept(person);
                UserState reached = memory.load(person.id()).map(Conversation::state).orElse(new UserState.Fresh());
                assertThat(state.reached().test(reached)).as("reached " + state.name() + ": " + reached).isTrue();
                barrage.act(person);
                barrage.act(person);
                barrage.act(person);
            }
        }
        assertThat(bot.failedUpdates()).as("updates that hit a bug").isZero();
        assertThat(telegram.unansweredPresses()).as("button presses left spinning").isZero();
    }
}
