package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.telegram.text.Markup;
import java.util.Optional;
import java.util.function.Supplier;

/** Checks one typed answer with the domain's own parsing and says why it was refused. */
public final class Answers {
    private Answers() {}

    /** Empty if {@code parse} accepts the answer; otherwise the reason, in the person's language. */
    public static Optional<Markup> refusal(Turn turn, String typed, Supplier<?> parse) {
        try {
            parse.get();
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(turn.problems().explain(e.violations().get(0), typed));
        }
    }

    /** The callback data of a press split at colons: {@code sub:VF834349180} → [sub, VF834349180]. */
    public static String[] parts(String data) {
        return data.split(":", -1);
    }

    /** The track number a button carries, if it is one. */
    public static Optional<TrackNumber> trackNumber(String text) {
        try {
            return Optional.of(TrackNumber.parse(text));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The page number a button carries, if it is a valid one. */
    public static Optional<Integer> pageNumber(String text) {
        if (!text.matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        int page = Integer.parseInt(text);
        return page >= 1 && page <= PageRequest.MAX_PAGE ? Optional.of(page) : Optional.empty();
    }

    /** The command as typed, cut to Telegram's 32 characters (plus a little), to quote it back. */
    public static String commandWord(String text) {
        String word = text.strip().split("\\s+", 2)[0];
        return word.codePointCount(0, word.length()) > 40 ? word.substring(0, word.offsetByCodePoints(0, 40)) + "…" : word;
    }
}
