package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.port.out.BlockedChatStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BlockedChatStore} must do. */
public abstract class BlockedChatStoreContract {
    protected BlockedChatStore store;

    protected abstract BlockedChatStore newBlockedChatStore();

    @BeforeEach
    void createStore() {
        store = newBlockedChatStore();
    }

    @Test
    void remembersABlockedChatUntilUnmarked() {
        store.markBlocked("user-bot", 42, T0);
        store.markBlocked("user-bot", 42, T0.plusSeconds(5));

        assertThat(store.isBlocked("user-bot", 42)).isTrue();

        store.unmarkBlocked("user-bot", 42);
        assertThat(store.isBlocked("user-bot", 42)).isFalse();
    }

    @Test
    void keepsBotsAndChatsApart() {
        store.markBlocked("user-bot", 42, T0);

        assertThat(store.isBlocked("manager-bot", 42)).isFalse();
        assertThat(store.isBlocked("user-bot", 43)).isFalse();
    }

    @Test
    void unmarkingAnUnblockedChatIsHarmless() {
        store.unmarkBlocked("user-bot", 99);

        assertThat(store.isBlocked("user-bot", 99)).isFalse();
    }
}
