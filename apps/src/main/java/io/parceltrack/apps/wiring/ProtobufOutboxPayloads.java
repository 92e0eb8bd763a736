package io.parceltrack.apps.wiring;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.postgres.OutboxPayloadFormat;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.notification.Event;

/**
 * The outbox keeps parcel events as the protobuf {@code Event} the broker carries: the encoding
 * the outbox has used from the start, so rows written before an upgrade stay readable, and fields
 * added to the event later (compatibly, as protobuf fields are) need no migration of the outbox.
 */
public final class ProtobufOutboxPayloads implements OutboxPayloadFormat {
    @Override
    public byte[] write(ParcelEvent event) {
        return ProtoMapping.toProto(event).toByteArray();
    }

    @Override
    public ParcelEvent read(byte[] payload) {
        try {
            return ProtoMapping.toDomain(Event.parseFrom(payload));
        } catch (InvalidProtocolBufferException | InvalidInputException e) {
            throw new IllegalArgumentException("not a protobuf parceltrack.notification.Event: " + e.getMessage(), e);
        }
    }
}
