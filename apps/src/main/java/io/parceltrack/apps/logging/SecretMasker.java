package io.parceltrack.apps.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.List;
import java.util.regex.Pattern;
import net.logstash.logback.mask.ValueMasker;

/**
 * Masks every secret in a string value of a JSON log line: Telegram bot tokens, issued API tokens
 * and the configured secret values, in that order, each applied to what the one before left (as
 * one regex masker per pattern did). Every string value of every line passes through here, and
 * almost none holds a secret, so each pattern is tried only where a cheap necessary condition
 * holds: the value is long enough, holds the token's fixed part ({@code ':'} after a digit,
 * {@code "pt_"}), or contains the literal secret. Where the condition fails the pattern cannot
 * match, so the output is what the regexes alone would give.
 */
final class SecretMasker implements ValueMasker {
    private static final Pattern BOT_TOKEN = Pattern.compile(LoggingSetup.BOT_TOKEN);
    private static final Pattern API_TOKEN = Pattern.compile(LoggingSetup.API_TOKEN);
    /** {@code 5 digits + ':' + 30 token characters}, the shortest bot token. */
    private static final int BOT_TOKEN_MIN_LENGTH = 36;
    private static final int BOT_TOKEN_MIN_SECRET = 30;
    private static final String API_TOKEN_PREFIX = "pt_";
    /** {@code "pt_" + 43 token characters}. */
    private static final int API_TOKEN_LENGTH = 46;

    private final List<String> secrets;
    private final String mask;

    /** @param secrets literal values to mask wherever they appear (already filtered of short ones) */
    SecretMasker(List<String> secrets, String mask) {
        this.secrets = List.copyOf(secrets);
        this.mask = mask;
    }

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (!(value instanceof CharSequence text)) {
            return null;
        }
        String original = text.toString();
        String masked = mask(original);
        return masked.equals(original) ? null : masked;
    }

    /** {@code text} with every secret replaced by the mask; {@code text} itself when it holds none. */
    String mask(String text) {
        String masked = text;
        if (mightHoldBotToken(masked)) {
            masked = BOT_TOKEN.matcher(masked).replaceAll(mask);
        }
        if (masked.length() >= API_TOKEN_LENGTH && masked.contains(API_TOKEN_PREFIX)) {
            masked = API_TOKEN.matcher(masked).replaceAll(mask);
        }
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, mask);
            }
        }
        return masked;
    }

    /** A {@code ':'} right after a digit with at least a token's worth of characters after it. */
    private static boolean mightHoldBotToken(String text) {
        int last = text.length() - BOT_TOKEN_MIN_SECRET - 1;
        if (text.length() < BOT_TOKEN_MIN_LENGTH) {
            return false;
        }
        for (int colon = text.indexOf(':', 1); colon >= 0 && colon <= last; colon = text.indexOf(':', colon + 1)) {
            if (Character.isDigit(text.charAt(colon - 1))) {
                return true;
            }
        }
        return false;
    }
}
