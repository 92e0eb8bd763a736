package io.parceltrack.postgres;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.notification.Event;

/** The outbox encoding the apps plug in (protobuf), for the tests of this module and its users. */
public final class TestPayloads implements OutboxPayloadFormat {
    public static final OutboxPayloadFormat PROTOBUF = new TestPayloads();

    private TestPayloads() {}

    @Override
    public byte[] write(ParcelEvent event) {
        return ProtoMapping.toProto(event).toByteArray();
    }

    @Override
    public ParcelEvent read(byte[] payload) {
        try {
            return ProtoMapping.toDomain(Event.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
