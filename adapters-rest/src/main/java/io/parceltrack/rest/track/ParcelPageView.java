package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.Html.element;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.port.in.tracking.PublicParcelView;
import io.parceltrack.rest.track.Html.Element;
import io.parceltrack.rest.track.PageText.Words;
import java.util.List;
import java.util.Optional;

/**
 * The page of one parcel: its name, a status line and the progress line, the forecast, the
 * "Follow in Telegram" link, and a page of checkpoints, newest first.
 */
final class ParcelPageView {
    /** The steps of the progress line; a canceled parcel gets a notice instead. */
    private static final List<ParcelStatus> STEPS = List.of(ParcelStatus.PENDING, ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED);

    private final TrackingPageSettings settings;
    private final PageLayout layout;

    ParcelPageView(TrackingPageSettings settings, PageLayout layout) {
        this.settings = settings;
        this.layout = layout;
    }

    /** @param chosen the language the reader picked with the switch, kept in the page's own links */
    String render(PublicParcelView view, Words words, Optional<PageLanguage> chosen) {
        String number = view.trackNumber().value();
        String path = TrackingPage.parcelPath(number);
        int page = view.checkpoints().request().page();
        return layout.page(words, chosen, view.name() + " · " + words.get("parcel.title", number), view.name(),
                PageLayout.switchHref(path, words.language().other(), page),
                summary(view, words),
                history(view.checkpoints(), words, path, chosen));
    }

    private Element summary(PublicParcelView view, Words words) {
        String status = words.get("status." + view.status().name());
        Element section = element("section").cls("summary").attr("aria-label", words.get("parcel.status"));
        section.add(element("p").cls("status-line").attr("id", "status-line")
                .text(words.get("parcel.statusLine", status)));
        if (view.status() == ParcelStatus.CANCELED) {
            section.add(element("p").cls("notice canceled").text(words.get("parcel.canceled")));
        } else if (STEPS.contains(view.status())) {
            section.add(progress(view.status(), words));
        }
        section.add(element("dl").cls("facts").add(
                element("dt").text(words.get("parcel.trackNumber")),
                element("dd").cls("track-number").text(view.trackNumber().value()),
                element("dt").text(words.get("parcel.forecast")),
                element("dd").add(PageLayout.time(view.forecastDate(), words.language()))));
        section.add(element("p").cls("follow").add(
                element("a").cls("telegram").attr("href", settings.telegramLink(view.trackNumber().value()))
                        .attr("rel", "noopener noreferrer").text(words.get("telegram.follow")),
                element("span").cls("hint").text(words.get("telegram.hint"))));
        return section;
    }

    private static Element progress(ParcelStatus status, Words words) {
        int reached = STEPS.indexOf(status);
        Element line = element("ol").cls("progress").attr("aria-label", words.get("progress.label"));
        for (int i = 0; i < STEPS.size(); i++) {
            String state = i < reached ? "done" : i == reached ? "current" : "todo";
            line.add(element("li").cls(state).attrIf(i == reached, "aria-current", "step")
                    .text(words.get("status." + STEPS.get(i).name())));
        }
        return line;
    }

    private static Element history(Page<Checkpoint> checkpoints, Words words, String path, Optional<PageLanguage> chosen) {
        Element section = element("section").cls("history").attr("aria-labelledby", "history-heading");
        section.add(element("h2").attr("id", "history-heading").text(words.get("history.heading")));
        int page = checkpoints.request().page();
        if (checkpoints.items().isEmpty()) {
            section.add(element("p").cls("empty").text(words.get(page == 1 ? "history.empty" : "history.emptyPage")));
        } else {
            section.add(element("p").cls("time-note").attr("id", "time-zone-note")
                    .attr("data-local", words.get("time.local")).text(words.get("time.utc")));
            Element list = element("ol").cls("events");
            for (Checkpoint checkpoint : checkpoints.items()) {
                list.add(event(checkpoint, words));
            }
            section.add(list);
        }
        if (page > 1 || checkpoints.hasNext()) {
            Element pages = element("nav").cls("pages").attr("aria-label", words.get("history.pages"));
            if (page > 1) {
                pages.add(element("a").attr("rel", "prev").attr("href", PageLayout.href(path, chosen, page - 1))
                        .text(words.get("history.newer")));
            }
            pages.add(element("span").cls("page-number").text(words.get("history.page", page)));
            if (checkpoints.hasNext()) {
                pages.add(element("a").attr("rel", "next").attr("href", PageLayout.href(path, chosen, page + 1))
                        .text(words.get("history.older")));
            }
            section.add(pages);
        }
        return section;
    }

    private static Element event(Checkpoint checkpoint, Words words) {
        Element item = element("li").add(
                element("p").cls("when").add(PageLayout.time(checkpoint.time(), words.language()),
                        element("span").cls("event-status").text(words.get("status." + checkpoint.status().name()))),
                element("p").cls("place").text(checkpoint.place().isEmpty()
                        ? words.get("history.noPlace") : checkpoint.place()));
        if (!checkpoint.description().isEmpty()) {
            item.add(element("p").cls("description").text(checkpoint.description()));
        }
        return item;
    }
}
