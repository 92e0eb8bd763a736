package io.parceltrack.domain.account;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A manager's secret for the REST API. Issued tokens are {@code pt_} and 256 random bits in
 * URL-safe Base64; the prefix lets secret scanners recognise a leaked one. Any 16 to 256 URL-safe
 * characters are accepted as a token, so that an operator can provision a memorable demo token.
 * The clear text exists only while it is shown to its owner; {@link #toString()} never reveals it,
 * so it cannot leak into logs.
 */
public record ApiToken(String value) {
    private static final String PREFIX = "pt_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._~-]{16,256}");

    public ApiToken {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an API token");
        }
    }

    /** {@code random} must be cryptographically secure in production (e.g. {@code SecureRandom}). */
    public static ApiToken generate(RandomGenerator random) {
        byte[] secret = new byte[RANDOM_BYTES];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) random.nextInt(256);
        }
        return new ApiToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** What a client presented, if it has the shape of a token at all. */
    public static Optional<ApiToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        try {
            // The constructor checks the shape; checking it here too would run the pattern twice
            // on every authenticated request.
            return Optional.of(new ApiToken(presented.strip()));
        } catch (IllegalArgumentException notAToken) {
            return Optional.empty();
        }
    }

    public ApiTokenHash hash() {
        return ApiTokenHash.of(this);
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
