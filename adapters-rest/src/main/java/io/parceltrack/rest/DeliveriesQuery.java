package io.parceltrack.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code limit} query parameter of {@code GET /webhooks/{id}/deliveries}; others are refused. */
final class DeliveriesQuery {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private DeliveriesQuery() {}

    /** The requested number of attempts, or {@code null} after recording what is wrong in {@code errors}. */
    static Integer limit(Map<String, List<String>> query, RequestErrors errors) {
        for (String name : query.keySet()) {
            if (!name.equals(FieldVocabulary.LIMIT_PARAMETER)) {
                errors.add(EchoedText.of(name, 64), "is not a parameter of this request; the parameters are "
                        + List.of(FieldVocabulary.LIMIT_PARAMETER));
            }
        }
        List<String> values = query.getOrDefault(FieldVocabulary.LIMIT_PARAMETER, List.of());
        if (values.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String raw = values.get(0).strip();
        if (values.size() > 1 || !WHOLE_NUMBER.matcher(raw).matches()
                || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            errors.add(FieldVocabulary.LIMIT_PARAMETER, "must be one whole number between 1 and " + MAX_LIMIT);
            return null;
        }
        return Integer.parseInt(raw);
    }
}
