package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.port.out.ProcessedMessageStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessedMessageStore} must do. */
public abstract class ProcessedMessageStoreContract {
    protected ProcessedMessageStore store;

    protected abstract ProcessedMessageStore newProcessedMessageStore();

    @BeforeEach
    void createStore() {
        store = newProcessedMessageStore();
    }

    @Test
    void remembersAProcessedMessage() {
        UUID id = UUID.randomUUID();

        assertThat(store.isProcessed("fan-out", id)).isFalse();
        assertThat(store.markProcessed("fan-out", id, T0)).isTrue();
        assertThat(store.isProcessed("fan-out", id)).isTrue();
    }

    @Test
    void tellsASecondMarkApart() {
        UUID id = UUID.randomUUID();
        store.markProcessed("fan-out", id, T0);

        assertThat(store.markProcessed("fan-out", id, T0.plusSeconds(1))).isFalse();
    }

    @Test
    void keepsConsumersApart() {
        UUID id = UUID.randomUUID();
        store.markProcessed("fan-out", id, T0);

        assertThat(store.isProcessed("delivery", id)).isFalse();
    }

    @Test
    void forgetsOnlyWhatIsOlderThanTheCutoff() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        store.markProcessed("fan-out", old, T0);
        store.markProcessed("fan-out", recent, T0.plusSeconds(3600));

        assertThat(store.forgetProcessedBefore(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(store.isProcessed("fan-out", old)).isFalse();
        assertThat(store.isProcessed("fan-out", recent)).isTrue();
    }

    @Test
    void marksExactlyOnceUnderConcurrentAttempts() throws Exception {
        UUID id = UUID.randomUUID();

        var outcomes = Concurrently.run(8, i -> store.markProcessed("fan-out", id, T0));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).containsOnlyOnce(true);
    }
}
