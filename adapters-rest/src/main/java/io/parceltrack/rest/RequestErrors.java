package io.parceltrack.rest;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.validation.FieldViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem with one request (JSON types, query parameters, domain rules) before
 * refusing it, so the client learns about all of its mistakes at once. The first error of a field
 * wins: when a value had the wrong type, the domain's "is required" about the same field adds nothing.
 */
final class RequestErrors {
    private final FieldVocabulary vocabulary;
    private final List<FieldError> errors = new ArrayList<>();

    RequestErrors(FieldVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Records a problem with a field named as the client sent it. */
    void add(String clientField, String message) {
        boolean alreadyReported = errors.stream().anyMatch(error -> error.field().equals(clientField));
        if (!alreadyReported) {
            errors.add(new FieldError(clientField, message));
        }
    }

    /** Records a domain violation under the client's name for its field. */
    void add(FieldViolation violation) {
        add(vocabulary.clientName(violation.field()), violation.message());
    }

    /** Runs a domain parse or constructor; on invalid input records why and returns {@code null}. */
    <T> T capture(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            e.violations().forEach(this::add);
            return null;
        }
    }

    /** Refuses the request if anything was recorded, listing errors in the order the API documents its fields. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(inDocumentedOrder());
        }
    }

    private List<FieldError> inDocumentedOrder() {
        List<String> order = vocabulary.clientNames();
        return errors.stream()
                .sorted(Comparator.comparingInt(error -> {
                    int position = order.indexOf(error.field());
                    return position < 0 ? order.size() : position;
                }))
                .toList();
    }

    /** The client's names for domain violations escaping a use case: the same mapping as above. */
    static List<FieldError> translate(InvalidInputException e, FieldVocabulary vocabulary) {
        RequestErrors collected = new RequestErrors(vocabulary);
        e.violations().forEach(collected::add);
        return collected.inDocumentedOrder();
    }
}
