package io.parceltrack.domain.webhook;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The key an endpoint's webhooks are signed with, in the Standard Webhooks form: {@code whsec_}
 * and the Base64 of 32 random bytes, which are the HMAC key. Our servers must read it back to sign,
 * so unlike an API token it is stored as it is; it is shown to the manager only when created or
 * rotated, and {@link #toString()} never reveals it, so it cannot leak into logs or errors.
 */
public record WebhookSecret(String value) {
    private static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes");
        }
    }

    /** {@code random} must be cryptographically secure in production (e.g. {@code SecureRandom}). */
    public static WebhookSecret generate(RandomGenerator random) {
        byte[] key = new byte[KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) random.nextInt(256);
        }
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the bytes the text after the prefix encodes. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
