package io.parceltrack.domain.validation;

import java.util.Objects;

/**
 * One broken rule on one input field. {@code field} is the domain's name for it (adapters map it to
 * their own vocabulary, e.g. {@code parcel_name} in the REST API); {@code kind} lets a bot explain
 * the problem in the user's language; {@code message} is a plain English explanation.
 */
public record FieldViolation(String field, Kind kind, String message) {

    public enum Kind {
        REQUIRED,
        TOO_SHORT,
        TOO_LONG,
        MALFORMED,
        OUT_OF_RANGE
    }

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
