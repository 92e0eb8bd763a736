package io.parceltrack.rest;

import io.parceltrack.domain.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code page} (1-based) and {@code page_size} query parameters of the paged lists. Other query
 * parameters are refused, like unknown JSON fields: {@code pagesize=50} must not silently mean 20.
 */
final class PageQuery {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> KNOWN = Set.of(FieldVocabulary.PAGE_PARAMETER, FieldVocabulary.PAGE_SIZE_PARAMETER);

    private PageQuery() {}

    /** The requested page, or {@code null} after recording what is wrong in {@code errors}. */
    static PageRequest read(Map<String, List<String>> query, RequestErrors errors) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                errors.add(EchoedText.of(name, 64), "is not a parameter of this request; the parameters are "
                        + List.of(FieldVocabulary.PAGE_PARAMETER, FieldVocabulary.PAGE_SIZE_PARAMETER));
            }
        }
        Integer page = number(query, FieldVocabulary.PAGE_PARAMETER, 1, PageRequest.MAX_PAGE, errors);
        Integer size = number(query, FieldVocabulary.PAGE_SIZE_PARAMETER, PageRequest.DEFAULT_SIZE,
                PageRequest.MAX_SIZE, errors);
        // Range rules live in PageRequest; a valid stand-in for an unreadable value lets it judge the other one.
        PageRequest request = errors.capture(() -> new PageRequest(
                page == null ? 1 : page, size == null ? PageRequest.DEFAULT_SIZE : size));
        return page == null || size == null ? null : request;
    }

    private static Integer number(
            Map<String, List<String>> query, String name, int fallback, int max, RequestErrors errors) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            errors.add(name, "must be given once, got " + values.size() + " values");
            return null;
        }
        String raw = values.get(0).strip();
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            errors.add(name, "must be a whole number between 1 and " + max);
            return null;
        }
        return Integer.parseInt(raw);
    }
}
