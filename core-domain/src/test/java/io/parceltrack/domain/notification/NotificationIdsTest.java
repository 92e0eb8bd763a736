package io.parceltrack.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.nio.charset.StandardCharsets;
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

    /** Ids already on the broker and in the bots' databases must keep their values. */
    @Test
    void deliveryIdsAreVersion3UuidsOfEventSlashRecipient() {
        for (int i = 0; i < 1_000; i++) {
            EventId event = EventId.random(random);
            TelegramId recipient = new TelegramId(random.nextLong(1, Long.MAX_VALUE));
            UUID expected = UUID.nameUUIDFromBytes((event.value() + "/" + recipient.value()).getBytes(StandardCharsets.UTF_8));

            assertThat(DeliveryId.of(event, recipient).value()).isEqualTo(expected);
        }
        assertThat(DeliveryId.of(new EventId(UUID.fromString("6f1c1d7e-3d52-4c43-9d44-8c1c0b8a2f10")), new TelegramId(42)))
                .hasToString(UUID.nameUUIDFromBytes("6f1c1d7e-3d52-4c43-9d44-8c1c0b8a2f10/42".getBytes(StandardCharsets.UTF_8))
                        .toString());
    }
}
