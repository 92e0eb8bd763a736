package io.parceltrack.rest.track;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.tracking.TrackParcelQuery;
import io.parceltrack.rest.track.RecentViews.FingerprintedView;
import java.util.Optional;

/**
 * {@code GET /track/{track-number}} and its JSON twin: read strictly, answer from a recent view
 * when there is one, {@code 304} when the viewer already holds this version, else render it.
 */
final class ParcelPages {
    private final TrackParcelQuery query;
    private final TrackingPageSettings settings;
    private final RecentViews recentViews;
    private final ParcelPageView pageView;
    private final PageText text;
    private final TrackingJson json;
    private final String cacheControl;

    ParcelPages(TrackParcelQuery query, TrackingPageSettings settings, RecentViews recentViews, ParcelPageView pageView,
            PageText text, TrackingJson json) {
        this.query = query;
        this.settings = settings;
        this.recentViews = recentViews;
        this.pageView = pageView;
        this.text = text;
        this.json = json;
        this.cacheControl = settings.cacheTtl().isZero() ? "no-cache"
                : "public, max-age=" + settings.cacheTtl().toSeconds();
    }

    /**
     * Answers the page of {@code rawNumber} as {@code viewer} asks for it.
     *
     * @throws io.parceltrack.domain.error.InvalidInputException if it is not a track number
     * @throws io.parceltrack.domain.error.NotFoundException if there is no such parcel
     */
    void serve(Context ctx, Viewer viewer, String rawNumber, int page) {
        TrackNumber number = TrackNumber.parse(rawNumber);
        if (!number.value().equals(rawNumber)) {
            // One address per parcel (upper case, no blanks), so that caches and shared links agree.
            String canonical = viewer.format() == PageFormat.JSON ? TrackingPage.jsonPath(number.value())
                    : TrackingPage.parcelPath(number.value());
            ctx.redirect(viewer.href(canonical, page), HttpStatus.MOVED_PERMANENTLY);
            TrackingPage.withoutBody(ctx);
            return;
        }
        Optional<FingerprintedView> recent = recentViews.fresh(number, page);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (recent.isPresent() && notModified(ctx, viewer, recent.get(), ifNoneMatch)) {
            return;
        }
        FingerprintedView view = recent.orElseGet(() -> read(number, page));
        if (notModified(ctx, viewer, view, ifNoneMatch)) {
            return;
        }
        describe(ctx, viewer, view);
        if (viewer.format() == PageFormat.JSON) {
            ctx.contentType(TrackingJson.MEDIA_TYPE)
                    .result(json.parcel(view.view(), settings.telegramLink(number.value())));
        } else {
            ctx.contentType(TrackingPage.HTML_MEDIA_TYPE)
                    .result(pageView.render(view.view(), text.in(viewer.language()), viewer.chosen()));
        }
    }

    private FingerprintedView read(TrackNumber number, int page) {
        var view = query.trackParcel(number, new PageRequest(page, settings.checkpointsPerPage()));
        FingerprintedView fingerprinted = new FingerprintedView(view, ViewFingerprint.of(view));
        recentViews.remember(page, fingerprinted);
        return fingerprinted;
    }

    private boolean notModified(Context ctx, Viewer viewer, FingerprintedView view, String ifNoneMatch) {
        if (!EntityTags.matches(ifNoneMatch, etag(viewer, view))) {
            return false;
        }
        describe(ctx, viewer, view);
        ctx.status(HttpStatus.NOT_MODIFIED);
        TrackingPage.withoutBody(ctx);
        return true;
    }

    /** The headers of this version of the page, the same on 200 and on 304. */
    private void describe(Context ctx, Viewer viewer, FingerprintedView view) {
        ctx.header("ETag", etag(viewer, view)).header("Cache-Control", cacheControl);
        if (viewer.format() == PageFormat.HTML) {
            ctx.header("Vary", "Accept-Language").header("Content-Language", viewer.language().code());
        }
    }

    /** The page differs by format, language and whether the language was chosen (its links keep it). */
    private static String etag(Viewer viewer, FingerprintedView view) {
        String variant = viewer.format() == PageFormat.JSON ? "json"
                : viewer.language().code() + (viewer.chosen().isPresent() ? "-chosen" : "");
        return EntityTags.quoted(view.fingerprint() + "-" + variant);
    }
}
