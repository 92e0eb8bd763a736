package io.parceltrack.domain.parcel;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Two upper-case Latin letters and nine digits, e.g. {@code VF834349180}. Knowing it is what
 * lets anyone read a parcel, so new ones come from a cryptographically secure source.
 */
public record TrackNumber(String value) {
    public static final String FIELD = "trackNumber";
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{9}");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public TrackNumber {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidInputException.of(FIELD, Kind.MALFORMED,
                    "must be 2 Latin letters and 9 digits, e.g. VF834349180");
        }
    }

    /** Accepts what people type: surrounding blanks and lower case are forgiven, nothing else. */
    public static TrackNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(FIELD, Kind.REQUIRED, "is required");
        }
        return new TrackNumber(raw.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The track number {@code raw} is, with the same forgiveness as {@link #parse}; empty for
     * anything else, for callers that try text against several meanings.
     */
    public static Optional<TrackNumber> tryParse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(text).matches() ? Optional.of(new TrackNumber(text)) : Optional.empty();
    }

    /** A fresh random track number; {@code random} must be cryptographically secure in production. */
    public static TrackNumber generate(RandomGenerator random) {
        StringBuilder text = new StringBuilder(11);
        for (int i = 0; i < 2; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        for (int i = 0; i < 9; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return new TrackNumber(text.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
