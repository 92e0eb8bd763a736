package io.parceltrack.domain.parcel;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What anyone who knows a track number may see of a parcel, as a public tracker shows it: name,
 * status and forecast, and the recipient's name masked to initials ({@code Anna Smirnova} →
 * {@code A. S***}) so that the right person recognises it and nobody else learns it. No address,
 * no description (both may carry personal details), no owner.
 */
public record PublicParcel(
        TrackNumber trackNumber, String name, ParcelStatus status, Instant forecastDate, String maskedRecipient) {
    private static final String HIDDEN = "***";

    public PublicParcel {
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(forecastDate, "forecastDate");
        Objects.requireNonNull(maskedRecipient, "maskedRecipient");
    }

    public static PublicParcel of(Parcel parcel) {
        return new PublicParcel(parcel.trackNumber(), parcel.name(), parcel.status(),
                parcel.details().forecastDate(), maskName(parcel.details().recipient()));
    }

    /**
     * The initial of the first word and the masked last word: {@code A. S***}; a single word gives
     * {@code A***}. Only letters and digits count as initials, so a name of symbols gives {@code ***}.
     */
    public static String maskName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        String first = initial(words[0]);
        String last = words.length > 1 ? initial(words[words.length - 1]) : "";
        if (first.isEmpty() || last.isEmpty()) {
            String only = first.isEmpty() ? last : first;
            return only + HIDDEN;
        }
        return first + ". " + last + HIDDEN;
    }

    private static String initial(String word) {
        return word.codePoints().filter(Character::isLetterOrDigit).findFirst()
                .stream().mapToObj(Character::toString).map(text -> text.toUpperCase(Locale.ROOT))
                .findFirst().orElse("");
    }
}
