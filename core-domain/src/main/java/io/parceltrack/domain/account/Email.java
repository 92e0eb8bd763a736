package io.parceltrack.domain.account;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address: a dot-atom local part, {@code @}, and a domain of at least two labels
 * (international domain names welcome). The domain is lower-cased; the local part is kept as
 * typed because mail servers may treat its case as significant.
 */
public record Email(String value) {
    public static final String FIELD = "email";
    public static final int MAX_LENGTH = 320;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("\\p{L}{2,63}|xn--[a-z0-9-]{1,59}");

    public Email {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(FIELD, Kind.TOO_LONG, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!isWellFormed(value)) {
            throw InvalidInputException.of(FIELD, Kind.MALFORMED, "must be an e-mail address like name@example.com");
        }
    }

    /** Trims and lower-cases the domain of what a person typed, then validates it. */
    public static Email parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(FIELD, Kind.REQUIRED, "is required");
        }
        String text = raw.strip();
        int at = text.lastIndexOf('@');
        if (at > 0) {
            text = text.substring(0, at + 1) + text.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return new Email(text);
    }

    private static boolean isWellFormed(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || at > 64) {
            return false;
        }
        String local = text.substring(0, at);
        String[] labels = text.substring(at + 1).split("\\.", -1);
        if (!LOCAL.matcher(local).matches() || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
