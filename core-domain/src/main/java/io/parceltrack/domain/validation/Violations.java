package io.parceltrack.domain.validation;

import io.parceltrack.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of one input before failing, so that a caller learns about all of
 * its mistakes at once. Not thread-safe; use one per validation.
 */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** Records a problem; only the first problem of each field is kept, as it is the one to fix first. */
    public void add(String field, FieldViolation.Kind kind, String message) {
        add(new FieldViolation(field, kind, message));
    }

    public void add(FieldViolation violation) {
        boolean fieldAlreadyReported = found.stream().anyMatch(v -> v.field().equals(violation.field()));
        if (!fieldAlreadyReported) {
            found.add(violation);
        }
    }

    /**
     * Runs a parse that may fail with {@link InvalidInputException}; records its violations and
     * returns {@code null} instead of throwing, so the next field still gets checked.
     */
    public <T> T capture(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            e.violations().forEach(this::add);
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
