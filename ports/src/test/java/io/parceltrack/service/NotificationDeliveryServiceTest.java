package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.RecordingMessenger;
import io.parceltrack.contract.TestClock;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.port.out.UnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotificationDeliveryServiceTest {
    private final InMemoryProcessedMessageStore processed = new InMemoryProcessedMessageStore();
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final NotificationDeliveryService service =
            new NotificationDeliveryService(processed, messenger, new TestClock(T0));

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
        NotificationDeliveryService flakyService = new NotificationDeliveryService(processed, flaky, new TestClock(T0));

        assertThatThrownBy(() -> flakyService.deliver(delivery)).isInstanceOf(UnavailableException.class);
        assertThat(flakyService.deliver(delivery)).isEqualTo(DeliveryOutcome.SENT);
        assertThat(calls).hasValue(2);
    }
}
