package io.parceltrack.domain.notification;

import io.parceltrack.domain.TelegramId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one notification to one person. Derived from the event and the recipient, so a
 * re-processed event yields the same ids and the duplicates can be recognised downstream.
 *
 * <p>The derivation is {@link UUID#nameUUIDFromBytes} (a version 3 UUID, MD5) of
 * {@code "<event id>/<recipient id>"} in UTF-8. It is computed here rather than by that method
 * because a fan-out derives one per subscriber, tens of thousands in a row, and the method looks
 * MD5 up among the security providers every time; a clone of one digest gives the same bytes.
 */
public record DeliveryId(UUID value) {
    /** Never used itself, only cloned. */
    private static final MessageDigest MD5 = newMd5();

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId of(EventId event, TelegramId recipient) {
        byte[] hash = md5().digest((event.value() + "/" + recipient.value()).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3: name-based, MD5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash);
        return new DeliveryId(new UUID(bits.getLong(), bits.getLong()));
    }

    @Override
    public String toString() {
        return value.toString();
    }

    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
