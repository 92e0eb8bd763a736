package io.parceltrack.telegram;

import io.parceltrack.domain.parcel.TrackNumber;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Telegram deep links into the user bot: {@code https://t.me/<bot>?start=<track number>} opens the
 * bot, whose first message is then {@code /start <track number>}; the bot shows that parcel and
 * offers to follow it. A track number (letters and digits) is a valid start payload as it is.
 */
public final class DeepLink {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");

    private DeepLink() {}

    /** The link that opens the bot {@code botUsername} (without @) at the parcel. */
    public static URI toParcel(String botUsername, TrackNumber trackNumber) {
        Objects.requireNonNull(trackNumber, "trackNumber");
        if (botUsername == null || !USERNAME.matcher(botUsername).matches()) {
            throw new IllegalArgumentException("a bot username is 4 to 32 letters, digits or _, got " + botUsername);
        }
        return URI.create("https://t.me/" + botUsername + "?start=" + trackNumber.value());
    }
}
