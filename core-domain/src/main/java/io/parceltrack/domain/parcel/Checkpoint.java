package io.parceltrack.domain.parcel;

import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.InstantRule;
import io.parceltrack.domain.validation.TextRule;
import io.parceltrack.domain.validation.Violations;
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
