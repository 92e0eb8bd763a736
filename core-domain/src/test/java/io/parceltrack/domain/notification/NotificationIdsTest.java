package io.parceltrack.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** The same ids as the JDK's own name-based UUIDs, also when threads make them at the same time. */
    @Test
    void deliveryIdsAreTheJdksNameBasedUuidsOnEveryThread() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        EventId event = EventId.random(random);
                        TelegramId recipient = new TelegramId(1 + random.nextInt(Integer.MAX_VALUE - 1));
                        UUID expected = UUID.nameUUIDFromBytes(
                                (event.value() + "/" + recipient.value()).getBytes(StandardCharsets.UTF_8));
                        assertThat(DeliveryId.of(event, recipient).value()).isEqualTo(expected);
                    }
                    return 5_000;
                });
            }
            for (Future<Integer> done : threads.invokeAll(tasks)) {
                assertThat(done.get()).isEqualTo(5_000);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
