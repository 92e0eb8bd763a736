package io.parceltrack.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.memory.InMemoryConversationStore;
import io.parceltrack.telegram.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {
    private enum Step { FRESH, REG_EMAIL }

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final ConversationMemory memory = new ConversationMemory("user-bot", store);

    @Test
    void keepsStepLanguageAndAnswersAcrossALoad() {
        Conversation conversation = new Conversation(null, Language.RU, Map.of());
        conversation.moveTo(Step.REG_EMAIL);
        conversation.put("fullName", "Анна \"Ann\" <O'Hara>");

        memory.save(42, conversation);
        Conversation loaded = memory.load(42).orElseThrow();

        assertThat(loaded.step(Step.class, Step.FRESH)).isEqualTo(Step.REG_EMAIL);
        assertThat(loaded.language()).isEqualTo(Language.RU);
        assertThat(loaded.value("fullName")).contains("Анна \"Ann\" <O'Hara>");
    }

    @Test
    void startsAfreshFromAStateItCannotRead() {
        store.saveConversation("user-bot", 7, "{not json");

        assertThat(memory.load(7)).isEmpty();
    }

    @Test
    void fallsBackWhenTheStoredStepNoLongerExists() {
        store.saveConversation("user-bot", 8, "{\"v\":1,\"step\":\"RETIRED_STEP\",\"language\":\"en\",\"values\":{}}");

        assertThat(memory.load(8).orElseThrow().step(Step.class, Step.FRESH)).isEqualTo(Step.FRESH);
    }
}
