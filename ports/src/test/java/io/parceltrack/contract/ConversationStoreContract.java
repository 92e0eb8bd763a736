package io.parceltrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.port.out.ConversationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationStore} must do. */
public abstract class ConversationStoreContract {
    protected ConversationStore store;

    protected abstract ConversationStore newConversationStore();

    @BeforeEach
    void createStore() {
        store = newConversationStore();
    }

    @Test
    void returnsWhatWasSaved() {
        String state = "{\"step\":\"EMAIL\",\"name\":\"Анна \\\"Ann\\\" O'Hara\"}";

        store.saveConversation("user-bot", 42, state);

        assertThat(store.loadConversation("user-bot", 42)).contains(state);
    }

    @Test
    void replacesAnEarlierState() {
        store.saveConversation("user-bot", 42, "first");
        store.saveConversation("user-bot", 42, "second");

        assertThat(store.loadConversation("user-bot", 42)).contains("second");
    }

    @Test
    void keepsBotsAndChatsApart() {
        store.saveConversation("user-bot", 42, "user side");
        store.saveConversation("manager-bot", 42, "manager side");
        store.saveConversation("user-bot", -1001234567890L, "a group");

        assertThat(store.loadConversation("user-bot", 42)).contains("user side");
        assertThat(store.loadConversation("manager-bot", 42)).contains("manager side");
        assertThat(store.loadConversation("user-bot", -1001234567890L)).contains("a group");
        assertThat(store.loadConversation("manager-bot", 7)).isEmpty();
    }

    @Test
    void forgetsADeletedConversation() {
        store.saveConversation("user-bot", 42, "state");

        store.deleteConversation("user-bot", 42);
        store.deleteConversation("user-bot", 43);

        assertThat(store.loadConversation("user-bot", 42)).isEmpty();
    }

    @Test
    void keepsALargeState() {
        String large = "x".repeat(64 * 1024);

        store.saveConversation("manager-bot", 1, large);

        assertThat(store.loadConversation("manager-bot", 1)).contains(large);
    }
}
