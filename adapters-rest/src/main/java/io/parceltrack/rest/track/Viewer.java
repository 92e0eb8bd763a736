package io.parceltrack.rest.track;

import java.util.Optional;

/**
 * Who is asking, as far as the request has told so far: which format, which language (the switch's
 * choice, else the browser's), and the track number as typed. Failures are answered in these terms.
 */
record Viewer(PageFormat format, PageLanguage language, Optional<PageLanguage> chosen, Optional<String> typedNumber) {

    static Viewer of(PageFormat format, String acceptLanguage) {
        return new Viewer(format, PageLanguage.preferred(acceptLanguage), Optional.empty(), Optional.empty());
    }

    Viewer choosing(Optional<PageLanguage> choice) {
        return new Viewer(format, choice.orElse(language), choice, typedNumber);
    }

    Viewer typing(String number) {
        return new Viewer(format, language, chosen, Optional.of(number));
    }

    /** The page's own links keep the language the viewer chose by the switch. */
    String href(String path, int page) {
        return PageLayout.href(path, chosen, page);
    }
}
