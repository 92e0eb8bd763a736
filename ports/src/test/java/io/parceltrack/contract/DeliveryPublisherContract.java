package io.parceltrack.contract;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.out.DeliveryPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryPublisher} must do. The subclass also provides a way to read back what
 * reached the other side.
 */
public abstract class DeliveryPublisherContract {

    protected abstract DeliveryPublisher publisher();

    /** Deliveries received since the test began, once at least {@code atLeast} arrived or the timeout passed. */
    protected abstract List<Delivery> receivedDeliveries(int atLeast, Duration timeout) throws Exception;

    private static ParcelEvent event(int step) {
        return Fixtures.event(Fixtures.newTrackNumber(), Fixtures.checkpoint(T0.plusSeconds(step), ParcelStatus.IN_TRANSIT));
    }

    @Test
    void deliversEveryFieldIntact() throws Exception {
        Delivery delivery = Delivery.of(event(1), Fixtures.newId());

        publisher().publishDeliveries(List.of(delivery));

        assertThat(receivedDeliveries(1, Duration.ofSeconds(30))).containsExactly(delivery);
    }

    @Test
    void keepsTheOrderOfEachRecipientsDeliveries() throws Exception {
        TelegramId anna = Fixtures.newId();
        TelegramId boris = Fixtures.newId();
        List<Delivery> toAnna = new ArrayList<>();
        List<Delivery> toBoris = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ParcelEvent event = event(batch * 4 + i);
                toAnna.add(Delivery.of(event, anna));
                toBoris.add(Delivery.of(event, boris));
                deliveries.add(toAnna.get(toAnna.size() - 1));
                deliveries.add(toBoris.get(toBoris.size() - 1));
            }
            publisher().publishDeliveries(deliveries);
        }

        List<Delivery> received = receivedDeliveries(40, Duration.ofSeconds(30));

        assertThat(received).filteredOn(d -> d.recipient().equals(anna)).containsExactlyElementsOf(toAnna);
        assertThat(received).filteredOn(d -> d.recipient().equals(boris)).containsExactlyElementsOf(toBoris);
    }
}
