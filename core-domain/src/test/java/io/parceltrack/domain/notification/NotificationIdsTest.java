package io.parceltrack.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationIdsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void eventIdsAreRandomVersion4Uuids() {
        EventId id = EventId.random(random);

        assertThat(id.value().version()).isEqualTo(4);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(EventId.random(random)).isNotEqualTo(id);
    }

    @Test
    void deliveryIdsAreDerivedFromEventAndRecipient() {
        EventId event = EventId.random(random);
        TelegramId anna = new TelegramId(1);
        TelegramId boris = new TelegramId(2);

        assertThat(DeliveryId.of(event, anna)).isEqualTo(DeliveryId.of(new EventId(event.value()), new TelegramId(1)));
        assertThat(DeliveryId.of(event, anna)).isNotEqualTo(DeliveryId.of(event, boris));
        assertThat(DeliveryId.of(event, anna)).isNotEqualTo(DeliveryId.of(EventId.random(random), anna));
    }

    /**
     * Ids already on the broker and in the bots' databases must keep their values: a version 3
     * UUID of {@code "<event id>/<recipient id>"}. The expected value is the MD5 of that text (as
     * {@code md5sum} prints it, 052759120f24047716079839f492db08) with the version and variant bits set.
     */
    @Test
    void deliveryIdsKeepTheirDerivation() {
        DeliveryId id = DeliveryId.of(new EventId(UUID.fromString("6f1c1d7e-3d52-4c43-9d44-8c1c0b8a2f10")), new TelegramId(42));

        assertThat(id.value()).isEqualTo(UUID.fromString("05275912-0f24-3477-9607-9839f492db08"));
        assertThat(id.value().version()).isEqualTo(3);
        assertThat(id.value().variant()).isEqualTo(2);
    }
}
