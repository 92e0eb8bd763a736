package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.proto.ProtoMapping;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrokerMessageFormatTest {
    private final ParcelEvent event = Fixtures.event(Fixtures.newTrackNumber(),
            Fixtures.checkpoint(Fixtures.T0, ParcelStatus.DELIVERED));

    @Test
    void readsBackTheEventItWrote() throws Exception {
        assertThat(BrokerMessageFormat.readEvent(BrokerMessageFormat.value(event))).isEqualTo(event);
        assertThat(new String(BrokerMessageFormat.key(event), StandardCharsets.UTF_8)).isEqualTo(event.trackNumber().value());
    }

    @Test
    void readsBackTheDeliveryItWrote() throws Exception {
        Delivery delivery = Delivery.of(event, Fixtures.newId());

        assertThat(BrokerMessageFormat.readDelivery(BrokerMessageFormat.value(delivery))).isEqualTo(delivery);
        assertThat(new String(BrokerMessageFormat.key(delivery), StandardCharsets.UTF_8))
                .isEqualTo(Long.toString(delivery.recipient().value()));
    }

    @Test
    void namesBytesThatAreNoProtobufMessage() {
        assertThatThrownBy(() -> BrokerMessageFormat.readEvent(new byte[] {(byte) 0xff, 0x01}))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageStartingWith("not a protobuf parceltrack.notification.Event");
    }

    @Test
    void explainsWhatIsWrongWithAWellFormedButInvalidMessage() {
        byte[] value = ProtoMapping.toProto(event).toBuilder().clearCheckpoint().build().toByteArray();

        assertThatThrownBy(() -> BrokerMessageFormat.readEvent(value))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessageStartingWith("invalid parceltrack.notification.Event")
                .hasMessageContaining("checkpoint");
    }

    @Test
    void refusesARecordWithoutValue() {
        assertThatThrownBy(() -> BrokerMessageFormat.readDelivery(null))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessage("the record has no value");
    }
}
