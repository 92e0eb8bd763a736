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
 */
public record DeliveryId(UUID value) {
    /**
     * One MD5 per thread. {@link UUID#nameUUIDFromBytes}, which makes the same ids, asks the
     * security providers for an MD5 for every id: in notification-service's fan-outs to 10,000
     * subscribers that lookup was 6% of the process's CPU (JFR, docs/BENCHMARKS.md, seventh pass).
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(DeliveryId::md5);

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    /** The version 3 (name-based, MD5) UUID of {@code "<event id>/<recipient id>"}. */
    public static DeliveryId of(EventId event, TelegramId recipient) {
        byte[] name = (event.value() + "/" + recipient.value()).getBytes(StandardCharsets.UTF_8);
        byte[] hash = MD5.get().digest(name);
        hash[6] = (byte) (hash[6] & 0x0f | 0x30); // version 3
        hash[8] = (byte) (hash[8] & 0x3f | 0x80); // the IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash);
        return new DeliveryId(new UUID(bits.getLong(), bits.getLong()));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no MD5, which every Java runtime must have", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
