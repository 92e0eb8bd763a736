package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.Html.element;

import io.parceltrack.rest.track.Html.Element;
import io.parceltrack.rest.track.PageText.Words;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The frame every tracking page shares: language, title, style and time script, a skip link, the
 * header with the language switch (a plain link, so it works without JavaScript), the main
 * landmark and the footer.
 */
final class PageLayout {
    private static final String MAIN_ID = "main";

    private final PageAssets assets;

    PageLayout(PageAssets assets) {
        this.assets = assets;
    }

    /**
     * @param words the page's language
     * @param chosen the language the reader picked with the switch, kept in the page's own links
     * @param title the document title
     * @param heading the main heading
     * @param switchHref where the language switch leads: this same page in the other language
     * @param content what {@code <main>} holds after the heading
     */
    String page(Words words, Optional<PageLanguage> chosen, String title, String heading, String switchHref, Html... content) {
        PageLanguage language = words.language();
        Element head = element("head").add(
                element("meta").attr("charset", "utf-8"),
                element("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1"),
                element("meta").attr("name", "color-scheme").attr("content", "light dark"),
                element("meta").attr("name", "robots").attr("content", "noindex"),
                element("title").text(title + " · " + words.get("site.name")),
                element("link").attr("rel", "stylesheet").attr("href", assets.href(PageAssets.STYLE)),
                element("script").attr("src", assets.href(PageAssets.SCRIPT)).attr("defer", "defer"));
        PageLanguage other = language.other();
        Element header = element("header").cls("site").add(
                element("a").cls("brand").attr("href", href(TrackingPage.ROOT, chosen, 1)).text(words.get("site.name")),
                element("nav").attr("aria-label", words.get("language.nav")).add(
                        element("a").attr("href", switchHref).attr("hreflang", other.code()).attr("lang", other.code())
                                .text(words.get("language.switch"))));
        Element main = element("main").attr("id", MAIN_ID).add(element("h1").text(heading)).add(content);
        Element body = element("body").add(
                element("a").cls("skip").attr("href", "#" + MAIN_ID).text(words.get("skip")),
                header,
                main,
                element("footer").cls("site").add(element("p").text(words.get("footer"))));
        return Html.document(element("html").attr("lang", language.code()).add(head, body));
    }

    /**
     * An instant as the server shows it, in UTC and labelled so; the page's script rewrites it in
     * the reader's zone when it can (the {@code datetime} attribute is what it reads).
     */
    static Element time(Instant instant, PageLanguage language) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", language.locale())
                .withZone(ZoneOffset.UTC);
        return element("time").attr("datetime", DateTimeFormatter.ISO_INSTANT.format(instant))
                .text(format.format(instant) + " UTC");
    }

    /** A link to a page of the tracking site, keeping the language the reader chose by the switch. */
    static String href(String path, Optional<PageLanguage> chosen, int page) {
        StringBuilder href = new StringBuilder(path);
        if (page > 1) {
            href.append('?').append(PageAddress.PAGE).append('=').append(page);
        }
        chosen.ifPresent(language -> href.append(page > 1 ? '&' : '?')
                .append(PageAddress.LANGUAGE).append('=').append(language.code()));
        return href.toString();
    }

    /** The same page in {@code language}, as the switch links to it. */
    static String switchHref(String path, PageLanguage language, int page) {
        return href(path, Optional.of(language), page);
    }
}
