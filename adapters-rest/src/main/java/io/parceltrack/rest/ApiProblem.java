package io.parceltrack.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A refusal decided by the HTTP edge itself (bad JSON, missing token, wrong content type, rate
 * limit, ...), as opposed to a domain rule. Carries everything the problem response needs.
 */
final class ApiProblem extends RuntimeException {
    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    ApiProblem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(ProblemType.INVALID_INPUT, describe(errors), errors, Map.of());
    }

    ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(type, getMessage(), errors, more);
    }

    ProblemType type() {
        return type;
    }

    String detail() {
        return getMessage();
    }

    List<FieldError> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
