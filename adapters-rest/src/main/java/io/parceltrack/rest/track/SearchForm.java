package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.Html.element;

import io.parceltrack.rest.track.Html.Element;
import io.parceltrack.rest.track.PageText.Words;
import java.util.Optional;

/**
 * The track number form: {@code GET /track?number=...}, which answers with a redirect to the
 * parcel's page. Labelled, with its hint and any error tied to the field for screen readers.
 */
final class SearchForm {
    private static final String FIELD_ID = "track-number";
    private static final String HINT_ID = "track-number-hint";
    private static final String ERROR_ID = "track-number-error";

    private final PageLayout layout;

    SearchForm(PageLayout layout) {
        this.layout = layout;
    }

    /** The search page, with what was typed and what is wrong with it when there is an error. */
    String page(Words words, Optional<PageLanguage> chosen, String typed, Optional<String> error) {
        return layout.page(words, chosen, words.get("search.title"), words.get("search.title"),
                PageLayout.switchHref(TrackingPage.ROOT, words.language().other(), 1),
                element("p").text(words.get("search.intro")),
                form(words, chosen, typed, error));
    }

    static Element form(Words words, Optional<PageLanguage> chosen, String typed, Optional<String> error) {
        Element input = element("input").attr("id", FIELD_ID).attr("name", PageAddress.NUMBER).attr("type", "text")
                .attr("value", typed).attr("inputmode", "text").attr("autocapitalize", "characters")
                .attr("autocomplete", "off").attr("spellcheck", "false").attr("maxlength", "64")
                .attr("required", "required")
                .attr("aria-describedby", error.isPresent() ? ERROR_ID + " " + HINT_ID : HINT_ID)
                .attrIf(error.isPresent(), "aria-invalid", "true");
        Element form = element("form").cls("search").attr("method", "get").attr("action", TrackingPage.ROOT)
                .attr("role", "search");
        form.add(element("label").attr("for", FIELD_ID).text(words.get("search.label")),
                element("p").cls("hint").attr("id", HINT_ID).text(words.get("search.hint")));
        error.ifPresent(message -> form.add(element("p").cls("error").attr("id", ERROR_ID).text(message)));
        form.add(element("div").cls("search-row").add(input,
                element("button").attr("type", "submit").text(words.get("search.button"))));
        chosen.ifPresent(language -> form.add(element("input").attr("type", "hidden")
                .attr("name", PageAddress.LANGUAGE).attr("value", language.code())));
        return form;
    }
}
