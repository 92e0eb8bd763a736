package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of a JSON request object by their domain names, recording wrong types, bad
 * dates and unknown fields in {@link RequestErrors}. Unknown fields are refused rather than
 * ignored: a misspelt optional field would otherwise be silently lost.
 */
final class JsonObjectFields {
    static final String DATE_TIME_EXAMPLE = "2026-03-01T10:15:30Z";

    private final JsonNode object;
    private final FieldVocabulary vocabulary;
    private final RequestErrors errors;

    private JsonObjectFields(JsonNode object, FieldVocabulary vocabulary, RequestErrors errors) {
        this.object = object;
        this.vocabulary = vocabulary;
        this.errors = errors;
    }

    /**
     * @throws ApiProblem (400) if the body is not a JSON object at all
     */
    static JsonObjectFields of(JsonNode body, FieldVocabulary vocabulary, RequestErrors errors) {
        if (body == null || !body.isObject()) {
            throw new ApiProblem(ProblemType.MALFORMED_REQUEST,
                    "the request body must be a JSON object with the fields " + vocabulary.clientNames());
        }
        List<String> known = vocabulary.clientNames();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(EchoedText.of(name, 64), "is not a field of this request; the fields are " + known);
            }
        }
        return new JsonObjectFields(body, vocabulary, errors);
    }

    /** A string field; {@code null} if absent, JSON null, or not a string (the last is an error). */
    String text(String domainField) {
        String name = vocabulary.clientName(domainField);
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(name, "must be a string, got " + kind(value));
            return null;
        }
        return value.textValue();
    }

    /** An RFC 3339 date-time with an offset; {@code null} if absent or not one (the latter is an error). */
    Instant instant(String domainField) {
        String raw = text(domainField);
        if (raw == null) {
            return null;
        }
        try {
            // RFC 3339 allows lower-case 't' and 'z'; java.time wants them upper-case.
            return Rfc3339Instant.parse(raw.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            errors.add(vocabulary.clientName(domainField),
                    "must be an RFC 3339 date-time with a time zone offset, e.g. " + DATE_TIME_EXAMPLE);
            return null;
        }
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "something else";
        };
    }
}
