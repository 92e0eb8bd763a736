package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.ParcelStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryValuesTest {
    private final ParcelEvent inTransit = Fixtures.event(Fixtures.newTrackNumber(),
            Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT));
    private final ParcelEvent delivered = Fixtures.event(Fixtures.newTrackNumber(),
            new Checkpoint(Fixtures.T0.plusSeconds(3600), "Пункт выдачи, Казань", "вручено\nлично", ParcelStatus.DELIVERED));

    @Test
    void encodesEveryDeliveryAsTheFullMappingDoes() throws Exception {
        DeliveryValues values = new DeliveryValues();
        List<Delivery> deliveries = List.of(
                Delivery.of(inTransit, new TelegramId(1)),
                Delivery.of(inTransit, new TelegramId(Long.MAX_VALUE)),
                Delivery.of(delivered, new TelegramId(127)),
                Delivery.of(delivered, new TelegramId(128)),
                Delivery.of(inTransit, new TelegramId(300_000_000_000L)),
                Delivery.of(inTransit, Fixtures.newId()));

        for (Delivery delivery : deliveries) {
            byte[] value = values.value(delivery);

            assertThat(value).isEqualTo(BrokerMessageFormat.value(delivery));
            assertThat(BrokerMessageFormat.readDelivery(value)).isEqualTo(delivery);
        }
    }

    @Test
    void encodesAgainWhenAnythingButTheRecipientDiffers() {
        DeliveryValues values = new DeliveryValues();
        TelegramId anna = Fixtures.newId();
        Delivery first = Delivery.of(inTransit, anna);
        // The same event id with other contents cannot come from one event, but must not borrow its bytes.
        List<Delivery> variants = List.of(
                new Delivery(first.event(), anna, first.trackNumber(), "Another name", first.checkpoint(), first.effect()),
                new Delivery(first.event(), anna, delivered.trackNumber(), first.parcelName(), first.checkpoint(), first.effect()),
                new Delivery(first.event(), anna, first.trackNumber(), first.parcelName(), delivered.checkpoint(), first.effect()),
                new Delivery(first.event(), anna, first.trackNumber(), first.parcelName(), first.checkpoint(),
                        new CheckpointEffect(ParcelStatus.IN_TRANSIT, true)),
                new Delivery(delivered.id(), anna, first.trackNumber(), first.parcelName(), first.checkpoint(), first.effect()));

        values.value(first);
        for (Delivery variant : variants) {
            assertThat(values.value(variant)).isEqualTo(BrokerMessageFormat.value(variant));
            assertThat(values.value(first)).isEqualTo(BrokerMessageFormat.value(first));
        }
    }
}
