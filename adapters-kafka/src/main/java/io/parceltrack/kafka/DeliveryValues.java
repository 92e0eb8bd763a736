package io.parceltrack.kafka;

import com.google.protobuf.CodedOutputStream;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.proto.ProtoMapping;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes deliveries byte for byte as {@link BrokerMessageFormat#value(Delivery)} does, for a run
 * of deliveries of one event: a page of a fan-out, thousands that differ only in the recipient.
 * Protobuf writes a message's fields in the order of their numbers, and the two that differ are
 * fields 1 and 2 ({@code delivery_id}, {@code user_telegram_id}), so a value is those two followed
 * by the bytes of all the others, which are encoded once per event instead of once per recipient.
 *
 * <p>Not thread-safe: one per publishing call.
 */
final class DeliveryValues {
    private static final int DELIVERY_ID = io.parceltrack.proto.notification.Delivery.DELIVERY_ID_FIELD_NUMBER;
    private static final int USER_TELEGRAM_ID = io.parceltrack.proto.notification.Delivery.USER_TELEGRAM_ID_FIELD_NUMBER;

    /** The delivery the shared bytes were encoded from. */
    private Delivery template;
    private byte[] shared;

    byte[] value(Delivery delivery) {
        if (!sameEventAsTemplate(delivery)) {
            template = delivery;
            shared = ProtoMapping.toProto(delivery).toBuilder().clearDeliveryId().clearUserTelegramId().build().toByteArray();
        }
        String id = delivery.id().toString();
        long recipient = delivery.recipient().value();
        // Both are never at their default (empty, 0), which proto3 would leave out: a Telegram id is positive.
        int size = CodedOutputStream.computeStringSize(DELIVERY_ID, id)
                + CodedOutputStream.computeInt64Size(USER_TELEGRAM_ID, recipient)
                + shared.length;
        byte[] value = new byte[size];
        CodedOutputStream out = CodedOutputStream.newInstance(value);
        try {
            out.writeString(DELIVERY_ID, id);
            out.writeInt64(USER_TELEGRAM_ID, recipient);
            out.writeRawBytes(shared);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("a delivery did not fit the size computed for it", e);
        }
        return value;
    }

    /**
     * Whether {@code delivery} is the template but for its recipient. Built with the canonical
     * constructor on purpose: a field added to {@link Delivery} does not compile here until it is
     * placed, so no new field can be shared by mistake.
     */
    private boolean sameEventAsTemplate(Delivery delivery) {
        return template != null && delivery.equals(new Delivery(template.event(), delivery.recipient(),
                template.trackNumber(), template.parcelName(), template.checkpoint(), template.effect()));
    }
}
