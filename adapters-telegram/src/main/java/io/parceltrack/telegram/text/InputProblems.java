package io.parceltrack.telegram.text;

import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.TextRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains the domain's validation verdicts in a person's language. The domain names each broken
 * rule by field and kind; the length bounds come from the domain's own rules, so the bots never
 * restate them.
 */
public final class InputProblems {
    private static final Map<String, TextRule> TEXT_RULES = Map.of(
            PersonProfile.FULL_NAME.field(), PersonProfile.FULL_NAME,
            Manager.COMPANY.field(), Manager.COMPANY,
            ParcelDetails.NAME.field(), ParcelDetails.NAME,
            ParcelDetails.RECIPIENT.field(), ParcelDetails.RECIPIENT,
            ParcelDetails.ARRIVAL_ADDRESS.field(), ParcelDetails.ARRIVAL_ADDRESS,
            ParcelDetails.DESCRIPTION.field(), ParcelDetails.DESCRIPTION,
            Checkpoint.PLACE.field(), Checkpoint.PLACE);
    private static final Map<String, Text> FIELD_NAMES = Map.ofEntries(
            Map.entry(PersonProfile.FULL_NAME.field(), Text.FIELD_FULL_NAME),
            Map.entry(Email.FIELD, Text.FIELD_EMAIL),
            Map.entry(PhoneNumber.FIELD, Text.FIELD_PHONE),
            Map.entry(Manager.COMPANY.field(), Text.FIELD_COMPANY),
            Map.entry(ParcelDetails.NAME.field(), Text.FIELD_NAME),
            Map.entry(ParcelDetails.RECIPIENT.field(), Text.FIELD_RECIPIENT),
            Map.entry(ParcelDetails.ARRIVAL_ADDRESS.field(), Text.FIELD_ARRIVAL_ADDRESS),
            Map.entry(ParcelDetails.FORECAST_DATE.field(), Text.FIELD_FORECAST_DATE),
            Map.entry(ParcelDetails.DESCRIPTION.field(), Text.FIELD_DESCRIPTION),
            Map.entry(Checkpoint.PLACE.field(), Text.FIELD_PLACE),
            Map.entry(Checkpoint.TIME.field(), Text.FIELD_TIME),
            Map.entry(Checkpoint.STATUS_FIELD, Text.FIELD_STATUS),
            Map.entry(TrackNumber.FIELD, Text.FIELD_TRACK_NUMBER));

    private final Phrasebook texts;
    private final BotDates dates;
    private final Instant now;

    public InputProblems(Phrasebook texts, BotDates dates, Instant now) {
        this.texts = texts;
        this.dates = dates;
        this.now = now;
    }

    /** Why one answer was refused; {@code typed} is what the person sent, for the length they used. */
    public Markup explain(FieldViolation violation, String typed) {
        String field = violation.field();
        TextRule rule = TEXT_RULES.get(field);
        return switch (violation.kind()) {
            case REQUIRED -> texts.phrase(Text.PROBLEM_REQUIRED);
            case TOO_SHORT -> texts.phrase(Text.PROBLEM_TOO_SHORT, rule == null ? "?" : rule.min(), length(typed));
            case TOO_LONG -> texts.phrase(Text.PROBLEM_TOO_LONG,
                    rule != null ? rule.max() : field.equals(Email.FIELD) ? Email.MAX_LENGTH : "?", length(typed));
            case MALFORMED -> malformed(field, rule);
            case OUT_OF_RANGE -> texts.phrase(Text.PROBLEM_DATE_RANGE);
        };
    }

    /** Every refused field of a whole form, one per line. */
    public Markup explainAll(InvalidInputException refused) {
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.INVALID_FIELDS));
        for (FieldViolation violation : refused.violations()) {
            Text name = FIELD_NAMES.get(violation.field());
            lines.add(texts.phrase(Text.INVALID_FIELD_LINE,
                    name == null ? violation.field() : texts.plain(name), explain(violation, null)));
        }
        return Markup.lines(lines);
    }

    private Markup malformed(String field, TextRule rule) {
        if (rule != null) {
            return texts.phrase(rule.multiline() ? Text.PROBLEM_CONTROL_CHARACTERS : Text.PROBLEM_SINGLE_LINE);
        }
        if (field.equals(Email.FIELD)) {
            return texts.phrase(Text.PROBLEM_EMAIL);
        }
        if (field.equals(PhoneNumber.FIELD)) {
            return texts.phrase(Text.PROBLEM_PHONE);
        }
        if (field.equals(TrackNumber.FIELD)) {
            return texts.phrase(Text.PROBLEM_TRACK_NUMBER);
        }
        if (field.equals(Checkpoint.STATUS_FIELD)) {
            return texts.phrase(Text.PROBLEM_STATUS);
        }
        if (field.equals(Checkpoint.TIME.field()) || field.equals(ParcelDetails.FORECAST_DATE.field())) {
            return texts.phrase(Text.PROBLEM_DATE_FORMAT, dates.example(now));
        }
        return texts.phrase(Text.PROBLEM_OTHER);
    }

    private static Object length(String typed) {
        if (typed == null) {
            return "?";
        }
        String text = typed.strip();
        return text.codePointCount(0, text.length());
    }
}
