package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.port.out.DeliveryClaimStore;
import io.parceltrack.port.out.DeliveryClaimStore.Claim;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryClaimStore} must do. */
public abstract class DeliveryClaimStoreContract {
    private static final Instant LONG_AGO = T0.minusSeconds(3600);

    protected DeliveryClaimStore store;

    protected abstract DeliveryClaimStore newDeliveryClaimStore();

    @BeforeEach
    void createStore() {
        store = newDeliveryClaimStore();
    }

    @Test
    void theFirstClaimWins() {
        UUID id = UUID.randomUUID();

        assertThat(store.claim(id, "bot-0", T0, LONG_AGO)).isEqualTo(Claim.CLAIMED);
        assertThat(store.claim(id, "bot-1", T0.plusSeconds(1), LONG_AGO)).isEqualTo(Claim.HELD_ELSEWHERE);
    }

    @Test
    void theOwnerMayClaimAgainWhatItHolds() {
        UUID id = UUID.randomUUID();
        store.claim(id, "bot-0", T0, LONG_AGO);

        assertThat(store.claim(id, "bot-0", T0.plusSeconds(1), LONG_AGO)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aSentDeliveryIsNeverClaimedAgain() {
        UUID id = UUID.randomUUID();
        store.claim(id, "bot-0", T0, LONG_AGO);
        store.markSent(id, T0.plusSeconds(1));

        assertThat(store.claim(id, "bot-0", T0.plusSeconds(2), LONG_AGO)).isEqualTo(Claim.ALREADY_SENT);
        assertThat(store.claim(id, "bot-1", T0.plusSeconds(7200), T0.plusSeconds(3600))).isEqualTo(Claim.ALREADY_SENT);
    }

    @Test
    void aStaleClaimMayBeTakenOverAndThenBelongsToTheNewOwner() {
        UUID id = UUID.randomUUID();
        store.claim(id, "bot-0", T0, LONG_AGO);

        assertThat(store.claim(id, "bot-1", T0.plusSeconds(59), T0.minusSeconds(1))).isEqualTo(Claim.HELD_ELSEWHERE);
        assertThat(store.claim(id, "bot-1", T0.plusSeconds(61), T0.plusSeconds(1))).isEqualTo(Claim.CLAIMED);
        assertThat(store.claim(id, "bot-0", T0.plusSeconds(62), T0.plusSeconds(2))).isEqualTo(Claim.HELD_ELSEWHERE);
    }

    @Test
    void aReleasedClaimIsFreeForAnyone() {
        UUID id = UUID.randomUUID();
        store.claim(id, "bot-0", T0, LONG_AGO);

        store.release(id, "bot-1");
        assertThat(store.claim(id, "bot-1", T0, LONG_AGO)).as("only the owner releases").isEqualTo(Claim.HELD_ELSEWHERE);
        store.release(id, "bot-0");
        assertThat(store.claim(id, "bot-1", T0, LONG_AGO)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void releaseDoesNotUndoASend() {
        UUID id = UUID.randomUUID();
        store.claim(id, "bot-0", T0, LONG_AGO);
        store.markSent(id, T0);

        store.release(id, "bot-0");

        assertThat(store.claim(id, "bot-1", T0, LONG_AGO)).isEqualTo(Claim.ALREADY_SENT);
    }

    @Test
    void forgetsOnlyWhatIsOlderThanTheCutoff() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        store.claim(old, "bot-0", T0, LONG_AGO);
        store.markSent(old, T0);
        store.claim(recent, "bot-0", T0.plusSeconds(3600), LONG_AGO);
        store.markSent(recent, T0.plusSeconds(3600));

        assertThat(store.forgetBefore(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(store.claim(old, "bot-1", T0.plusSeconds(3601), LONG_AGO)).isEqualTo(Claim.CLAIMED);
        assertThat(store.claim(recent, "bot-1", T0.plusSeconds(3601), LONG_AGO)).isEqualTo(Claim.ALREADY_SENT);
    }

    @Test
    void ofTwoInstancesClaimingAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            UUID id = UUID.randomUUID();

            var outcomes = Concurrently.run(2, instance -> store.claim(id, "bot-" + instance, T0, LONG_AGO));

            assertThat(outcomes.failures()).isEmpty();
            assertThat(outcomes.results()).containsExactlyInAnyOrder(Claim.CLAIMED, Claim.HELD_ELSEWHERE);
        }
    }

    @Test
    void ofManyTakingOverOneStaleClaimExactlyOneWins() throws Exception {
        UUID id = UUID.randomUUID();
        store.claim(id, "crashed", T0, LONG_AGO);

        var outcomes = Concurrently.run(8, instance ->
                store.claim(id, "bot-" + instance, T0.plusSeconds(120), T0.plusSeconds(60)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).containsOnlyOnce(Claim.CLAIMED);
        assertThat(outcomes.results()).hasSize(8);
    }
}
