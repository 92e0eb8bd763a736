package io.parceltrack.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.security.SecureRandom;
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
}
