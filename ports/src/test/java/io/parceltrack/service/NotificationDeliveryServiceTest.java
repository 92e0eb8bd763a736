package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Concurrently;
import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryDeliveryClaimStore;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.DeliveryClaimStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotificationDeliveryServiceTest {
    private static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private final InMemoryDeliveryClaimStore claims = new InMemoryDeliveryClaimStore();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final TestClock clock = new TestClock(T0);
    private final NotificationDeliveryService service = instance("bot-0", claims, messenger);

    private NotificationDeliveryService instance(String owner, DeliveryClaimStore store, Messenger sender) {
        return new NotificationDeliveryService(store, sender, clock, owner, STALE_AFTER);
    }

    private static Delivery delivery() {
        return Delivery.of(Fixtures.event(Fixtures.newTrackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)),
                Fixtures.newId());
    }

    @Test
    void sendsADeliveryOnce() {
        Delivery delivery = delivery();

        assertThat(service.deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
        assertThat(service.deliver(delivery)).isEqualTo(DeliveryOutcome.DUPLICATE);

        assertThat(messenger.sent()).containsExactly(delivery);
    }

    @Test
    void anUnreachableRecipientIsNotRetried() {
        Delivery delivery = delivery();
        messenger.makeUnreachable(delivery.recipient());

        assertThat(service.deliver(delivery)).isEqualTo(DeliveryOutcome.RECIPIENT_UNREACHABLE);
        assertThat(service.deliver(delivery)).isEqualTo(DeliveryOutcome.DUPLICATE);
        assertThat(messenger.sent()).isEmpty();
    }

    @Test
    void aFailedSendIsNotRecordedSoARetrySendsIt() {
        Delivery delivery = delivery();
        AtomicInteger calls = new AtomicInteger();
        Messenger flaky = d -> {
            if (calls.incrementAndGet() == 1) {
                throw new UnavailableException("Telegram is down", null);
            }
            return Messenger.SendResult.SENT;
        };
        NotificationDeliveryService flakyService = instance("bot-0", claims, flaky);

        assertThatThrownBy(() -> flakyService.deliver(delivery)).isInstanceOf(UnavailableException.class);
        assertThat(flakyService.deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailedSendReleasesItsClaimForAnotherInstance() {
        Delivery delivery = delivery();
        Messenger down = d -> {
            throw new UnavailableException("Telegram is down", null);
        };

        assertThatThrownBy(() -> instance("bot-0", claims, down).deliver(delivery)).isInstanceOf(UnavailableException.class);

        assertThat(instance("bot-1", claims, messenger).deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
        assertThat(messenger.sent()).containsExactly(delivery);
    }

    @Test
    void aDeliveryWhoseRecordFailedIsRecordedNotSentAgain() {
        Delivery delivery = delivery();
        FailingRecords store = new FailingRecords(claims);
        NotificationDeliveryService withFlakyDatabase = instance("bot-0", store, messenger);
        store.failMarks.set(true);

        assertThatThrownBy(() -> withFlakyDatabase.deliver(delivery)).isInstanceOf(UnavailableException.class);
        assertThat(withFlakyDatabase.unrecordedSends()).isEqualTo(1);
        // The database is still away: the retry fails again, but sends nothing.
        assertThatThrownBy(() -> withFlakyDatabase.deliver(delivery)).isInstanceOf(UnavailableException.class);
        store.failMarks.set(false);
        assertThat(withFlakyDatabase.deliver(delivery)).isEqualTo(DeliveryOutcome.DUPLICATE);

        assertThat(messenger.sent()).containsExactly(delivery);
        assertThat(withFlakyDatabase.unrecordedSends()).isZero();
        assertThat(claims.claim(delivery.id().value(), "bot-1", T0, T0)).isEqualTo(DeliveryClaimStore.Claim.ALREADY_SENT);
    }

    @Test
    void anotherInstanceWaitsWhileAFreshClaimIsHeldThenSeesTheSend() {
        Delivery delivery = delivery();
        claims.claim(delivery.id().value(), "bot-0", T0, T0.minus(STALE_AFTER));
        NotificationDeliveryService other = instance("bot-1", claims, messenger);

        assertThatThrownBy(() -> other.deliver(delivery)).isInstanceOf(UnavailableException.class);
        claims.markSent(delivery.id().value(), T0);

        assertThat(other.deliver(delivery)).isEqualTo(DeliveryOutcome.DUPLICATE);
        assertThat(messenger.sent()).isEmpty();
    }

    @Test
    void aClaimOfAnInstanceThatDiedIsTakenOverOnceStale() {
        Delivery delivery = delivery();
        claims.claim(delivery.id().value(), "bot-0", T0, T0.minus(STALE_AFTER));
        NotificationDeliveryService other = instance("bot-1", claims, messenger);

        clock.advance(STALE_AFTER.minusSeconds(1));
        assertThatThrownBy(() -> other.deliver(delivery)).isInstanceOf(UnavailableException.class);
        clock.advance(Duration.ofSeconds(2));

        assertThat(other.deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
        assertThat(messenger.sent()).containsExactly(delivery);
    }

    @Test
    void aRestartedInstanceTakesOverItsOwnClaimAtOnce() {
        Delivery delivery = delivery();
        claims.claim(delivery.id().value(), "bot-0", T0, T0.minus(STALE_AFTER));

        NotificationDeliveryService restarted = instance("bot-0", claims, messenger);

        assertThat(restarted.deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
    }

    @Test
    void twoInstancesGivenTheSameDeliveriesSendEachOnce() throws Exception {
        NotificationDeliveryService first = instance("bot-0", claims, messenger);
        NotificationDeliveryService second = instance("bot-1", claims, messenger);
        for (int round = 0; round < 50; round++) {
            Delivery delivery = delivery();
            var outcomes = Concurrently.run(2, i -> {
                NotificationDeliveryService instance = i == 0 ? first : second;
                while (true) {
                    try {
                        return instance.deliver(delivery);
                    } catch (UnavailableException heldByTheOther) {
                        Thread.onSpinWait();
                    }
                }
            });
            assertThat(outcomes.failures()).isEmpty();
            assertThat(outcomes.results()).containsExactlyInAnyOrder(DeliveryOutcome.SENT, DeliveryOutcome.DUPLICATE);
        }
        assertThat(messenger.sent()).hasSize(50).doesNotHaveDuplicates();
    }

    /** The bots database failing right after the send, which Mockito could fake only less plainly. */
    private static final class FailingRecords implements DeliveryClaimStore {
        private final DeliveryClaimStore real;
        private final AtomicBoolean failMarks = new AtomicBoolean();

        FailingRecords(DeliveryClaimStore real) {
            this.real = real;
        }

        @Override
        public Claim claim(UUID deliveryId, String owner, Instant now, Instant staleBefore) {
            return real.claim(deliveryId, owner, now, staleBefore);
        }

        @Override
        public void markSent(UUID deliveryId, Instant at) {
            if (failMarks.get()) {
                throw new UnavailableException("the bots database is unavailable", null);
            }
            real.markSent(deliveryId, at);
        }

        @Override
        public void release(UUID deliveryId, String owner) {
            real.release(deliveryId, owner);
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            return real.forgetBefore(cutoff);
        }
    }
}
