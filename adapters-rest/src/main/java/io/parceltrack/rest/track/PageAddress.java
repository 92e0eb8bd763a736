package io.parceltrack.rest.track;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.rest.QueryString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of the tracking page, read as strictly as the manager API reads its own:
 * a parameter the page does not know, one given twice, or a value out of range is refused with
 * 400, never silently ignored, and every such part is named at once.
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
    private static final int LONGEST_NAME_SHOWN = 40;

    /**
     * Reads {@code rawQuery}, allowing only the parameters in {@code allowed}.
     *
     * @throws PageRefusal.UnreadableAddress naming every part that is wrong
     */
    static PageAddress read(String rawQuery, Set<String> allowed) {
        Map<String, List<String>> query = QueryString.tryParse(rawQuery).orElseThrow(() -> new PageRefusal.UnreadableAddress(
                List.of(new PageRefusal.Part("the query string is not correctly percent-encoded UTF-8",
                        "error.badRequest.encoding"))));
        List<PageRefusal.Part> problems = new ArrayList<>();
        query.forEach((name, values) -> {
            String shown = name.length() > LONGEST_NAME_SHOWN ? name.substring(0, LONGEST_NAME_SHOWN) + "…" : name;
            if (!allowed.contains(name)) {
                problems.add(new PageRefusal.Part("'" + shown + "' is not a parameter of this page; it takes "
                        + allowed.stream().sorted().toList(), "error.badRequest.parameter", shown));
            } else if (values.size() > 1) {
                problems.add(new PageRefusal.Part(name + " must be given once", "error.badRequest.parameter", name));
            }
        });
        int page = page(first(query, PAGE), problems);
        Optional<PageLanguage> language = language(first(query, LANGUAGE), problems);
        if (!problems.isEmpty()) {
            throw new PageRefusal.UnreadableAddress(problems);
        }
        return new PageAddress(page, language, first(query, NUMBER));
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).map(values -> values.get(0));
    }

    private static int page(Optional<String> raw, List<PageRefusal.Part> problems) {
        if (raw.isEmpty()) {
            return 1;
        }
        String value = raw.get().strip();
        int page = WHOLE_NUMBER.matcher(value).matches() ? Integer.parseInt(value) : 0;
        if (page < 1 || page > PageRequest.MAX_PAGE) {
            problems.add(new PageRefusal.Part("page must be a whole number between 1 and " + PageRequest.MAX_PAGE,
                    "error.badRequest.pageNumber", PageRequest.MAX_PAGE));
            return 1;
        }
        return page;
    }

    private static Optional<PageLanguage> language(Optional<String> raw, List<PageRefusal.Part> problems) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<PageLanguage> language = PageLanguage.ofCode(raw.get().strip());
        if (language.isEmpty()) {
            problems.add(new PageRefusal.Part("lang must be ru or en", "error.badRequest.language"));
        }
        return language;
    }
}
