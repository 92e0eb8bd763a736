package io.parceltrack.service;

import static io.parceltrack.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.DeliveryPublisher;
import io.parceltrack.port.out.PublishException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NotificationFanOutServiceTest {
    private final InMemoryParcelDatabase database = new InMemoryParcelDatabase();
    private final List<List<Delivery>> batches = new ArrayList<>();
    private final DeliveryPublisher recording = batches::add;

    private Parcel parcelFollowedBy(List<TelegramId> users) {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        database.insertParcel(parcel);
        users.forEach(user -> database.addSubscription(user, parcel.trackNumber()));
        return parcel;
    }

    private static List<TelegramId> newUsers(int count) {
        List<TelegramId> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Fixtures.newId());
        }
        return users;
    }

    @Test
    void emitsOneDeliveryPerSubscriberPageByPage() {
        List<TelegramId> users = newUsers(7);
        Parcel parcel = parcelFollowedBy(users);
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));

        int emitted = new NotificationFanOutService(database, recording, 3).fanOut(event);

        assertThat(emitted).isEqualTo(7);
        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        List<Delivery> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(Delivery::recipient).containsExactlyElementsOf(users);
        assertThat(all).allSatisfy(delivery -> {
            assertThat(delivery.id()).isEqualTo(DeliveryId.of(event.id(), delivery.recipient()));
            assertThat(delivery.checkpoint()).isEqualTo(event.checkpoint());
            assertThat(delivery.trackNumber()).isEqualTo(parcel.trackNumber());
        });
    }

    @Test
    void everyDeliveryCarriesTheParcelsStatusAfterTheCheckpoint() {
        Parcel parcel = parcelFollowedBy(newUsers(2));
        Checkpoint late = Fixtures.checkpoint(T0, ParcelStatus.DELIVERED);
        ParcelEvent event = new ParcelEvent(EventId.random(new Random(3)), parcel.trackNumber(), parcel.name(), late,
                T0, ParcelEvent.Kind.CHECKPOINT_RECORDED, parcel.owner(), ParcelStatus.IN_TRANSIT,
                new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));

        new NotificationFanOutService(database, recording, 10).fanOut(event);

        assertThat(batches.get(0)).extracting(Delivery::effect)
                .containsOnly(new CheckpointEffect(ParcelStatus.IN_TRANSIT, true));
    }

    @Test
    void anExactMultipleOfThePageSizeEndsWithAnEmptyLookup() {
        Parcel parcel = parcelFollowedBy(newUsers(6));
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));

        assertThat(new NotificationFanOutService(database, recording, 3).fanOut(event)).isEqualTo(6);
        assertThat(batches).extracting(List::size).containsExactly(3, 3);
    }

    @Test
    void anUnfollowedParcelEmitsNothing() {
        Parcel parcel = parcelFollowedBy(List.of());

        int emitted = new NotificationFanOutService(database, recording, 3)
                .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT)));

        assertThat(emitted).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void handlingAnEventAgainReproducesTheSameDeliveries() {
        Parcel parcel = parcelFollowedBy(newUsers(4));
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT));
        NotificationFanOutService fanOut = new NotificationFanOutService(database, recording, 10);

        fanOut.fanOut(event);
        fanOut.fanOut(event);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).isEqualTo(batches.get(0));
    }

    @Test
    void aPublishFailurePropagatesSoTheEventIsRetried() {
        Parcel parcel = parcelFollowedBy(newUsers(2));
        DeliveryPublisher down = deliveries -> {
            throw new PublishException("broker down", null);
        };

        assertThatThrownBy(() -> new NotificationFanOutService(database, down, 10)
                        .fanOut(Fixtures.event(parcel.trackNumber(), Fixtures.checkpoint(T0, ParcelStatus.IN_TRANSIT))))
                .isInstanceOf(PublishException.class);
    }
}
