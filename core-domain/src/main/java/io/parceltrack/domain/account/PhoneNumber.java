package io.parceltrack.domain.account;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.Objects;
import java.util.regex.Pattern;

/** A phone number in E.164 form: {@code +}, country code, subscriber number; 8 to 15 digits in all. */
public record PhoneNumber(String value) {
    public static final String FIELD = "phone";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** What people put between digits: spaces (also non-breaking), dashes, dots, brackets. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F().\\-\\u2010-\\u2015]");

    public PhoneNumber {
        Objects.requireNonNull(value, "value");
        if (!E164.matcher(value).matches()) {
            throw InvalidInputException.of(FIELD, Kind.MALFORMED,
                    "must be an international number with country code, like +79991234567");
        }
    }

    /**
     * Normalises common ways of writing a number ({@code +7 (999) 123-45-67}, {@code 0049 30 1234567})
     * to E.164. A number without a country code is refused rather than guessed.
     */
    public static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(FIELD, Kind.REQUIRED, "is required");
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return new PhoneNumber(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
