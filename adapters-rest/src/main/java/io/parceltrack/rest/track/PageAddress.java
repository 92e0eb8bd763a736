package io.parceltrack.rest.track;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.rest.QueryString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of the tracking page, read as strictly as the manager API reads its own:
 * a parameter the page does not know, one given twice, or a value out of range is refused with
 * 400, never silently ignored.
 *
 * @param page the checkpoint page asked for, 1 when not given
 * @param language the language chosen by the {@code lang} link, if any
 * @param number what the search form sent as the track number, if anything
 */
record PageAddress(int page, Optional<PageLanguage> language, Optional<String> number) {
    static final String PAGE = "page";
    static final String LANGUAGE = "lang";
    static final String NUMBER = "number";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    /**
     * Reads {@code rawQuery}, allowing only the parameters in {@code allowed}.
     *
     * @throws PageRefusal.UnreadableAddress naming the first part that is wrong
     */
    static PageAddress read(String rawQuery, Set<String> allowed) {
        Map<String, List<String>> query = QueryString.tryParse(rawQuery).orElseThrow(() -> new PageRefusal.UnreadableAddress(
                "the query string is not correctly percent-encoded UTF-8", "error.badRequest.encoding"));
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                throw new PageRefusal.UnreadableAddress("'" + shown + "' is not a parameter of this page; it takes "
                        + allowed.stream().sorted().toList(), "error.badRequest.parameter", shown);
            }
            if (parameter.getValue().size() > 1) {
                throw new PageRefusal.UnreadableAddress(name + " must be given once", "error.badRequest.parameter", name);
            }
        }
        return new PageAddress(page(first(query, PAGE)), language(first(query, LANGUAGE)), first(query, NUMBER));
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).map(values -> values.get(0));
    }

    private static int page(Optional<String> raw) {
        if (raw.isEmpty()) {
            return 1;
        }
        String value = raw.get().strip();
        int page = WHOLE_NUMBER.matcher(value).matches() ? Integer.parseInt(value) : 0;
        if (page < 1 || page > PageRequest.MAX_PAGE) {
            throw new PageRefusal.UnreadableAddress("page must be a whole number between 1 and " + PageRequest.MAX_PAGE,
                    "error.badRequest.pageNumber", PageRequest.MAX_PAGE);
        }
        return page;
    }

    private static Optional<PageLanguage> language(Optional<String> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PageLanguage.ofCode(raw.get().strip()).orElseThrow(() -> new PageRefusal.UnreadableAddress(
                "lang must be ru or en", "error.badRequest.language")));
    }
}
