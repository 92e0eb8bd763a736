package io.parceltrack.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.proto.ProtoMapping;
import java.nio.charset.StandardCharsets;

/**
 * How parcel events and deliveries look on the wire: a UTF-8 key (track number, user id) that
 * routes all messages of one parcel or one person to one partition, in order, and a protobuf value
 * mapped by {@link ProtoMapping}. Reading validates like any other input.
 */
final class BrokerMessageFormat {
    private BrokerMessageFormat() {}

    static byte[] key(ParcelEvent event) {
        return event.trackNumber().value().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(ParcelEvent event) {
        return ProtoMapping.toProto(event).toByteArray();
    }

    static byte[] key(Delivery delivery) {
        return Long.toString(delivery.recipient().value()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(Delivery delivery) {
        return ProtoMapping.toProto(delivery).toByteArray();
    }

    static ParcelEvent readEvent(byte[] value) throws UnreadableMessageException {
        requireValue(value);
        try {
            return ProtoMapping.toDomain(io.parceltrack.proto.notification.Event.parseFrom(value));
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableMessageException("not a protobuf parceltrack.notification.Event: " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new UnreadableMessageException("invalid parceltrack.notification.Event: " + e.getMessage(), e);
        }
    }

    static Delivery readDelivery(byte[] value) throws UnreadableMessageException {
        requireValue(value);
        try {
            return ProtoMapping.toDomain(io.parceltrack.proto.notification.Delivery.parseFrom(value));
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableMessageException("not a protobuf parceltrack.notification.Delivery: " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new UnreadableMessageException("invalid parceltrack.notification.Delivery: " + e.getMessage(), e);
        }
    }

    private static void requireValue(byte[] value) throws UnreadableMessageException {
        if (value == null) {
            throw new UnreadableMessageException("the record has no value", null);
        }
    }
}
