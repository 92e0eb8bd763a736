package io.parceltrack.rest.track;

import java.util.Set;

/** The page for people, or its JSON twin for widgets; each takes its own query parameters. */
enum PageFormat {
    HTML(Set.of(PageAddress.PAGE, PageAddress.LANGUAGE)),
    JSON(Set.of(PageAddress.PAGE));

    private final Set<String> parameters;

    PageFormat(Set<String> parameters) {
        this.parameters = parameters;
    }

    Set<String> parameters() {
        return parameters;
    }
}
