package io.parceltrack.webhooks;

import io.parceltrack.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: for each secret,
 * {@code v1,} and the Base64 of HMAC-SHA256, keyed with the secret's bytes, over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; several signatures are separated by spaces, so a
 * receiver holding either the new or the rotated-out secret can verify.
 */
final class WebhookSignature {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1,";

    private WebhookSignature() {}

    static String header(List<WebhookSecret> secrets, String messageId, String timestamp, String body) {
        String signed = messageId + "." + timestamp + "." + body;
        return secrets.stream().map(secret -> VERSION + sign(secret, signed)).collect(Collectors.joining(" "));
    }

    private static String sign(WebhookSecret secret, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; its absence is a broken installation, not bad input.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
