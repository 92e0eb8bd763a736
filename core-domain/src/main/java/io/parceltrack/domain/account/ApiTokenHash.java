package io.parceltrack.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SHA-256 of an API token, as stored. A fast hash is enough because tokens carry 256 random bits:
 * there is nothing to brute-force. Comparison is constant-time.
 */
public record ApiTokenHash(String hex) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    public ApiTokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static ApiTokenHash of(ApiToken token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(token.value().getBytes(StandardCharsets.US_ASCII));
            return new ApiTokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time equality, so timing reveals nothing about how much of a guess was right. */
    public boolean matches(ApiTokenHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
