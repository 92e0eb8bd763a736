package io.parceltrack.telegram.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.chat.Conversation;
import io.parceltrack.telegram.chat.ConversationMemory;
import io.parceltrack.telegram.chat.RegistrationStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user bot's stored conversations: every state survives a store, and states of the first format read on. */
class UserStateFormatTest {
    private static final TrackNumber PARCEL = new TrackNumber("VF834349180");

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final ConversationMemory<UserState> memory = new ConversationMemory<>("user-bot", store, new UserStateFormat());

    private UserState storedAs(String document) {
        store.saveConversation("user-bot", 7, document);
        return memory.load(7).orElseThrow().state();
    }

    @Test
    void keepsEveryStateWithItsAnswersAndTheLanguage() {
        List<UserState> states = List.of(new UserState.Fresh(), new UserState.Unregistered(null),
                new UserState.Unregistered(PARCEL), new UserState.Idle(), new UserState.AwaitingTrackNumber(),
                new UserState.Registering(new RegistrationStep.FullName(), PARCEL),
                new UserState.Registering(new RegistrationStep.EmailAddress("Анна \"Ann\" <O'Hara>"), null),
                new UserState.Registering(new RegistrationStep.Phone("Anna Smirnova", Email.parse("a@example.com")),
                        PARCEL));
        for (UserState state : states) {
            memory.save(1, new Conversation<>(state, Language.RU));

            assertThat(memory.load(1)).as(state.toString()).contains(new Conversation<>(state, Language.RU));
        }
        assertThat(store.loadConversation("user-bot", 1).orElseThrow()).startsWith("{\"v\":2,");
    }

    /** Documents exactly as the version before typed states wrote them. */
    @Test
    void readsEveryStepOfTheFirstFormatAsTheSameQuestion() {
        assertThat(storedAs("{\"v\":1,\"step\":\"FRESH\",\"language\":\"en\",\"values\":{}}"))
                .isEqualTo(new UserState.Fresh());
        assertThat(storedAs("{\"v\":1,\"step\":\"NEW\",\"language\":\"en\",\"values\":{}}"))
                .isEqualTo(new UserState.Unregistered(null));
        assertThat(storedAs("{\"v\":1,\"step\":\"REG_FULL_NAME\",\"language\":\"ru\",\"values\":{}}"))
                .isEqualTo(new UserState.Registering(new RegistrationStep.FullName(), null));
        assertThat(storedAs("{\"v\":1,\"step\":\"REG_EMAIL\",\"language\":\"ru\",\"values\":{\"fullName\":\"Анна\"}}"))
                .isEqualTo(new UserState.Registering(new RegistrationStep.EmailAddress("Анна"), null));
        assertThat(storedAs("{\"v\":1,\"step\":\"REG_PHONE\",\"language\":\"ru\","
                + "\"values\":{\"email\":\"anna@example.com\",\"fullName\":\"Анна\"}}"))
                .isEqualTo(new UserState.Registering(
                        new RegistrationStep.Phone("Анна", Email.parse("anna@example.com")), null));
        assertThat(storedAs("{\"v\":1,\"step\":\"IDLE\",\"language\":\"en\",\"values\":{}}"))
                .isEqualTo(new UserState.Idle());
        assertThat(storedAs("{\"v\":1,\"step\":\"AWAIT_TRACK_NUMBER\",\"language\":\"en\",\"values\":{}}"))
                .isEqualTo(new UserState.AwaitingTrackNumber());
        assertThat(memory.load(7).orElseThrow().language()).isEqualTo(Language.EN);
    }

    @Test
    void startsADialogueOverWhenItsStoredAnswersNoLongerHold() {
        assertThat(storedAs("{\"v\":1,\"step\":\"REG_PHONE\",\"language\":\"ru\","
                + "\"values\":{\"email\":\"not an address\",\"fullName\":\"Анна\"}}"))
                .isEqualTo(new UserState.Registering(new RegistrationStep.FullName(), null));
        assertThat(storedAs("{\"v\":1,\"step\":\"RETIRED_STEP\",\"language\":\"en\",\"values\":{}}"))
                .isEqualTo(new UserState.Fresh());
    }

    @Test
    void startsAfreshFromAStateItCannotRead() {
        for (String unreadable : List.of("{not json", "{\"v\":3,\"state\":{\"type\":\"idle\"}}",
                "{\"v\":2,\"language\":\"en\",\"state\":{\"type\":\"unregistered\",\"parcel\":\"not a number\"}}",
                "{\"v\":2,\"language\":\"en\",\"state\":{\"type\":\"no-such-step\"}}", "{\"v\":2}")) {
            store.saveConversation("user-bot", 9, unreadable);

            assertThat(memory.load(9)).as(unreadable).isEmpty();
        }
    }
}
