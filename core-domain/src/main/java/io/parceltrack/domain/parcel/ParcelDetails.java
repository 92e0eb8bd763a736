package io.parceltrack.domain.parcel;

import io.parceltrack.domain.validation.InstantRule;
import io.parceltrack.domain.validation.TextRule;
import io.parceltrack.domain.validation.Violations;
import java.time.Instant;

/** What a manager says about a parcel when creating it. Validates all fields at once. */
public record ParcelDetails(
        String name, String recipient, String arrivalAddress, Instant forecastDate, String description) {
    public static final TextRule NAME = TextRule.singleLine("name", 3, 100);
    public static final TextRule RECIPIENT = TextRule.singleLine("recipient", 3, 255);
    public static final TextRule ARRIVAL_ADDRESS = TextRule.singleLine("arrivalAddress", 3, 255);
    public static final InstantRule FORECAST_DATE = new InstantRule("forecastDate");
    public static final TextRule DESCRIPTION = TextRule.multiLine("description", 0, 255);

    public ParcelDetails {
        Violations violations = new Violations();
        name = NAME.check(name, violations);
        recipient = RECIPIENT.check(recipient, violations);
        arrivalAddress = ARRIVAL_ADDRESS.check(arrivalAddress, violations);
        forecastDate = FORECAST_DATE.check(forecastDate, violations);
        description = DESCRIPTION.check(description, violations);
        violations.throwIfAny();
    }
}
