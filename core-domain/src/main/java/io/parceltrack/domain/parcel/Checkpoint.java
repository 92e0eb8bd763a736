package io.parceltrack.domain.parcel;

import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.InstantRule;
import io.parceltrack.domain.validation.TextRule;
import io.parceltrack.domain.validation.Violations;
import java.time.Duration;
import java.time.Instant;

/**
 * A step of a parcel's journey: when, where, what happened and the status it left the parcel in.
 * Constructing one validates every field and reports all problems together.
 */
public record Checkpoint(Instant time, String place, String description, ParcelStatus status) {
    public static final InstantRule TIME = new InstantRule("time");
    public static final TextRule PLACE = TextRule.singleLine("place", 0, 255);
    public static final TextRule DESCRIPTION = TextRule.multiLine("description", 0, 255);
    public static final String STATUS_FIELD = "status";
    /** How far ahead of now a checkpoint may be dated: clocks drift, and no journey is planned further. */
    public static final Duration MAX_LEAD = Duration.ofHours(24);

    /**
     * @return {@code time}, when it is at most {@link #MAX_LEAD} after {@code now}
     * @throws io.parceltrack.domain.error.InvalidInputException on the time field otherwise
     */
    public static Instant requireNotTooFarAhead(Instant time, Instant now) {
        if (time.isAfter(now.plus(MAX_LEAD))) {
            Violations violations = new Violations();
            violations.add(TIME.field(), Kind.OUT_OF_RANGE, "must not be more than " + MAX_LEAD.toHours() + " hours in the future");
            violations.throwIfAny();
        }
        return time;
    }

    public Checkpoint {
        Violations violations = new Violations();
        time = TIME.check(time, violations);
        place = PLACE.check(place, violations);
        description = DESCRIPTION.check(description, violations);
        if (status == null) {
            violations.add(STATUS_FIELD, Kind.REQUIRED, "is required");
        } else if (status == ParcelStatus.UNKNOWN) {
            violations.add(STATUS_FIELD, Kind.MALFORMED, "a checkpoint cannot have status UNKNOWN");
        }
        violations.throwIfAny();
    }
}
