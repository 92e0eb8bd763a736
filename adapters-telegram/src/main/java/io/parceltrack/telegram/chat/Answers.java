package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.InstantRule;
import io.parceltrack.domain.validation.TextRule;
import io.parceltrack.domain.validation.Violations;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.Text;
import java.time.Instant;
import java.util.function.Function;

/** Reads typed answers once, with the domain's own rules, into a value or a reason to ask again. */
public final class Answers {
    private Answers() {}

    /** {@code parse} applied to the text; a refusal explains the first broken rule. */
    public static <T> Parsed<T> read(Turn<?> turn, String typed, Function<String, T> parse) {
        try {
            return Parsed.accepted(parse.apply(typed));
        } catch (InvalidInputException e) {
            return Parsed.refused(turn.problems().explain(e.violations().get(0), typed));
        }
    }

    /** Free text checked against one of the domain's text rules (trimmed). */
    public static Parsed<String> text(Turn<?> turn, String typed, TextRule rule) {
        return read(turn, typed, rule::require);
    }

    /** When something happened or will: a {@code DD.MM.YYYY HH:MM} moment of the bot's zone within {@code rule}. */
    public static Parsed<Instant> moment(Turn<?> turn, String typed, InstantRule rule) {
        BotDates.Reading reading = turn.dates().read(typed);
        if (reading instanceof BotDates.Reading.NoSuchDate noSuchDate) {
            return Parsed.refused(turn.texts().phrase(Text.PROBLEM_NO_SUCH_DATE, noSuchDate.date()));
        }
        if (reading instanceof BotDates.Reading.Malformed) {
            return Parsed.refused(turn.texts().phrase(Text.PROBLEM_DATE_FORMAT, turn.dates().example(turn.now())));
        }
        Instant moment = ((BotDates.Reading.Moment) reading).instant();
        return read(turn, typed, ignored -> {
            Violations violations = new Violations();
            rule.check(moment, violations);
            violations.throwIfAny();
            return moment;
        });
    }

    /** A moment still to come, such as an expected delivery. */
    public static Parsed<Instant> futureMoment(Turn<?> turn, String typed, InstantRule rule) {
        Parsed<Instant> moment = moment(turn, typed, rule);
        if (moment instanceof Parsed.Accepted<Instant> accepted && !accepted.value().isAfter(turn.now())) {
            return Parsed.refused(turn.texts().phrase(Text.PROBLEM_DATE_PASSED, turn.dates().example(turn.now())));
        }
        return moment;
    }

    /** The command as typed, cut to Telegram's 32 characters (plus a little), to quote it back. */
    public static String commandWord(String text) {
        String word = text.strip().split("\\s+", 2)[0];
        return word.codePointCount(0, word.length()) > 40 ? word.substring(0, word.offsetByCodePoints(0, 40)) + "…" : word;
    }
}
