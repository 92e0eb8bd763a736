package io.parceltrack.domain.error;

import io.parceltrack.domain.validation.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules; every offending field is listed, not just the first. */
public final class InvalidInputException extends DomainException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, FieldViolation.Kind kind, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, kind, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }
}
