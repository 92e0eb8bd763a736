package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.chat.Conversation;
import io.parceltrack.telegram.chat.ConversationMemory;
import io.parceltrack.telegram.chat.RegistrationStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager bot's stored conversations: every state survives a store, and states of the first format read on. */
class ManagerStateFormatTest {
    private static final TrackNumber PARCEL = new TrackNumber("VF834349180");
    private static final Instant FORECAST = Instant.parse("2027-12-24T15:30:00Z");

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final ConversationMemory<ManagerState> memory =
            new ConversationMemory<>("manager-bot", store, new ManagerStateFormat());

    private ManagerState storedAs(String step, String values) {
        store.saveConversation("manager-bot", 7,
                "{\"v\":1,\"step\":\"" + step + "\",\"language\":\"ru\",\"values\":{" + values + "}}");
        return memory.load(7).orElseThrow().state();
    }

    @Test
    void keepsEveryStateWithItsAnswers() {
        List<ManagerState> states = List.of(new ManagerState.Fresh(), new ManagerState.Unregistered(),
                new ManagerState.Idle(),
                new ManagerState.Registering(new RegistrationStep.Company("Max Müller", Email.parse("m@shop.example"),
                        null)),
                new ManagerState.Registering(new RegistrationStep.Company("Max Müller", Email.parse("m@shop.example"),
                        PhoneNumber.parse("+79991234567"))),
                new ManagerState.ParcelName(), new ManagerState.ParcelRecipient("Kettle <steel>"),
                new ManagerState.ParcelAddress("Kettle", "Ivan"), new ManagerState.ParcelForecast("Kettle", "Ivan", "Kazan"),
                new ManagerState.ParcelDescription("Kettle", "Ivan", "Kazan", FORECAST),
                new ManagerState.CheckpointParcel(),
                new ManagerState.CheckpointStatus(PARCEL, "Kettle", ParcelStatus.PENDING),
                new ManagerState.CheckpointPlace(PARCEL, "Kettle", ParcelStatus.IN_TRANSIT),
                new ManagerState.CheckpointNote(PARCEL, "Kettle", ParcelStatus.IN_TRANSIT, ""),
                new ManagerState.CheckpointTime(PARCEL, "Kettle", ParcelStatus.DELIVERED, "Kazan hub", "line one\nline two"));
        for (ManagerState state : states) {
            memory.save(1, new Conversation<>(state, Language.EN));

            assertThat(memory.load(1)).as(state.toString()).contains(new Conversation<>(state, Language.EN));
        }
    }

    /** Values exactly as the version before typed states kept them: text, and the forecast in epoch milliseconds. */
    @Test
    void readsEveryStepOfTheFirstFormatAsTheSameQuestion() {
        String person = "\"email\":\"max@shop.example\",\"fullName\":\"Max Müller\"";
        assertThat(storedAs("NEW", "")).isEqualTo(new ManagerState.Unregistered());
        assertThat(storedAs("REG_FULL_NAME", "")).isEqualTo(new ManagerState.Registering(new RegistrationStep.FullName()));
        assertThat(storedAs("REG_EMAIL", "\"fullName\":\"Max Müller\""))
                .isEqualTo(new ManagerState.Registering(new RegistrationStep.EmailAddress("Max Müller")));
        assertThat(storedAs("REG_PHONE", person)).isEqualTo(new ManagerState.Registering(
                new RegistrationStep.Phone("Max Müller", Email.parse("max@shop.example"))));
        assertThat(storedAs("REG_COMPANY", person)).isEqualTo(new ManagerState.Registering(
                new RegistrationStep.Company("Max Müller", Email.parse("max@shop.example"), null)));
        assertThat(storedAs("REG_COMPANY", person + ",\"phone\":\"+79991234567\"")).isEqualTo(new ManagerState.Registering(
                new RegistrationStep.Company("Max Müller", Email.parse("max@shop.example"), PhoneNumber.parse("+79991234567"))));
        assertThat(storedAs("IDLE", "")).isEqualTo(new ManagerState.Idle());
        assertThat(storedAs("PARCEL_NAME", "")).isEqualTo(new ManagerState.ParcelName());
        assertThat(storedAs("PARCEL_RECIPIENT", "\"name\":\"Kettle\"")).isEqualTo(new ManagerState.ParcelRecipient("Kettle"));
        assertThat(storedAs("PARCEL_ADDRESS", "\"name\":\"Kettle\",\"recipient\":\"Ivan\""))
                .isEqualTo(new ManagerState.ParcelAddress("Kettle", "Ivan"));
        assertThat(storedAs("PARCEL_FORECAST", "\"address\":\"Kazan\",\"name\":\"Kettle\",\"recipient\":\"Ivan\""))
                .isEqualTo(new ManagerState.ParcelForecast("Kettle", "Ivan", "Kazan"));
        assertThat(storedAs("PARCEL_DESCRIPTION", "\"address\":\"Kazan\",\"forecast\":\"" + FORECAST.toEpochMilli()
                + "\",\"name\":\"Kettle\",\"recipient\":\"Ivan\""))
                .isEqualTo(new ManagerState.ParcelDescription("Kettle", "Ivan", "Kazan", FORECAST));
        assertThat(storedAs("CHECKPOINT_PARCEL", "")).isEqualTo(new ManagerState.CheckpointParcel());
        String chosen = "\"parcelName\":\"Kettle\",\"parcelStatus\":\"PENDING\",\"trackNumber\":\"VF834349180\"";
        assertThat(storedAs("CHECKPOINT_STATUS", chosen))
                .isEqualTo(new ManagerState.CheckpointStatus(PARCEL, "Kettle", ParcelStatus.PENDING));
        assertThat(storedAs("CHECKPOINT_PLACE", chosen + ",\"status\":\"IN_TRANSIT\""))
                .isEqualTo(new ManagerState.CheckpointPlace(PARCEL, "Kettle", ParcelStatus.IN_TRANSIT));
        assertThat(storedAs("CHECKPOINT_DESCRIPTION", chosen + ",\"place\":\"\",\"status\":\"IN_TRANSIT\""))
                .isEqualTo(new ManagerState.CheckpointNote(PARCEL, "Kettle", ParcelStatus.IN_TRANSIT, ""));
        assertThat(storedAs("CHECKPOINT_TIME", chosen + ",\"note\":\"arrived\",\"place\":\"Kazan hub\",\"status\":\"DELIVERED\""))
                .isEqualTo(new ManagerState.CheckpointTime(PARCEL, "Kettle", ParcelStatus.DELIVERED, "Kazan hub", "arrived"));
    }

    @Test
    void startsADialogueOverWhenItsStoredAnswersNoLongerHold() {
        assertThat(storedAs("PARCEL_DESCRIPTION", "\"name\":\"Kettle\",\"forecast\":\"soon\""))
                .isEqualTo(new ManagerState.ParcelName());
        assertThat(storedAs("CHECKPOINT_TIME", "\"trackNumber\":\"nonsense\",\"status\":\"DELIVERED\""))
                .isEqualTo(new ManagerState.CheckpointParcel());
        assertThat(storedAs("CHECKPOINT_PLACE", "\"trackNumber\":\"VF834349180\",\"parcelName\":\"K\",\"status\":\"UNKNOWN\""))
                .isEqualTo(new ManagerState.CheckpointParcel());
        assertThat(storedAs("REG_EMAIL", "\"fullName\":\"X\"")).isEqualTo(
                new ManagerState.Registering(new RegistrationStep.FullName()));
    }
}
