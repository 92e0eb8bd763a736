package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.Html.element;

import io.parceltrack.rest.track.PageText.Words;
import java.util.Optional;

/** A friendly page for everything that went wrong: what happened in plain words, and a way on. */
final class ErrorPageView {
    private final PageLayout layout;

    ErrorPageView(PageLayout layout) {
        this.layout = layout;
    }

    /**
     * @param path the page the language switch leads to, in the other language
     * @param title the heading, e.g. "Parcel not found"
     * @param explanation what happened and what to do
     * @param offerSearch whether the page offers the track number form (when the number was the problem)
     */
    String render(Words words, Optional<PageLanguage> chosen, String path, String title, String explanation,
            boolean offerSearch) {
        Html way = offerSearch
                ? SearchForm.form(words, chosen, "", Optional.empty())
                : element("p").add(element("a").attr("href", PageLayout.href(TrackingPage.ROOT, chosen, 1))
                        .text(words.get("error.back")));
        return layout.page(words, chosen, title, title, PageLayout.switchHref(path, words.language().other(), 1),
                element("p").cls("explanation").text(explanation), way);
    }
}
