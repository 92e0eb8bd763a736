package io.parceltrack.rest.track;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.tracking.TrackParcelQuery;
import io.parceltrack.rest.RouteGroup;
import io.parceltrack.rest.Routes;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * The public tracking page (SPEC §12) as a route group: {@code /track} (the form),
 * {@code /track/{track-number}} (the parcel, server-rendered, working without JavaScript) and its
 * JSON twin {@code /track/{track-number}.json} with its own OpenAPI document. No account, no
 * personal data; every request counts against its client address's budget. All routes are
 * registered here; every failure is answered by {@link PageFailureTranslator}.
 */
public final class TrackingPage implements RouteGroup {
    static final String ROOT = "/track";
    static final String ASSETS = ROOT + "/assets";
    static final String HTML_MEDIA_TYPE = "text/html; charset=utf-8";
    private static final String NUMBER_PARAMETER = "track-number";
    private static final String JSON_SUFFIX = ".json";
    private static final Set<String> SEARCH_PARAMETERS = Set.of(PageAddress.NUMBER, PageAddress.LANGUAGE);
    /** No inline script or style, nothing from elsewhere, no framing: the page needs none of it. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final AddressRateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final PageAssets assets = new PageAssets();
    private final PageText text = new PageText();
    private final SearchForm search;
    private final ParcelPages parcels;
    private final PageFailureTranslator failures;
    private final TrackingOpenApi openApi = new TrackingOpenApi();

    public TrackingPage(TrackParcelQuery query, TrackingPageSettings settings, Clock clock) {
        this.rateLimiter = new AddressRateLimiter(settings.rateLimit(), settings.trackedAddresses(), clock);
        this.clientAddress = new ClientAddress(settings.trustedProxies());
        PageLayout layout = new PageLayout(assets);
        TrackingJson json = new TrackingJson();
        this.search = new SearchForm(layout);
        this.parcels = new ParcelPages(query, settings,
                new RecentViews(settings.cacheTtl(), settings.cachedViews(), clock),
                new ParcelPageView(settings, layout), text, json);
        this.failures = new PageFailureTranslator(text, new ErrorPageView(layout), search, json);
    }

    @Override
    public void register(Routes routes) {
        // First match wins: the fixed paths before the track number, anything deeper last.
        routes.get(ASSETS + "/{asset}", ctx -> asset(ctx))
                .get(TrackingOpenApi.PATH, openApi::serve)
                .get(ROOT, ctx -> page(ctx, PageFormat.HTML, this::searchPage))
                .get(ROOT + "/{" + NUMBER_PARAMETER + "}" + JSON_SUFFIX, ctx -> page(ctx, PageFormat.JSON, this::parcelPage))
                .get(ROOT + "/{" + NUMBER_PARAMETER + "}", ctx -> page(ctx, PageFormat.HTML, this::parcelPage))
                .get(ROOT + "/<deeper>", ctx -> page(ctx, PageFormat.HTML, (context, viewer) -> {
                    throw new PageRefusal.NoSuchPage();
                }));
    }

    static String parcelPath(String trackNumber) {
        return ROOT + "/" + trackNumber;
    }

    static String jsonPath(String trackNumber) {
        return parcelPath(trackNumber) + JSON_SUFFIX;
    }

    /** What one route does once the viewer is known. */
    @FunctionalInterface
    private interface PageHandler {
        void handle(Context ctx, Viewer viewer);
    }

    /** The steps every page goes through: headers, the address's budget, the query; then the page. */
    private void page(Context ctx, PageFormat format, PageHandler handler) {
        secure(ctx, format);
        Viewer viewer = Viewer.of(format, ctx.header("Accept-Language"));
        try {
            String client = clientAddress.of(ctx.req().getRemoteAddr(),
                    Collections.list(ctx.req().getHeaders(ClientAddress.FORWARDED_FOR)));
            rateLimiter.spend(client).ifPresent(wait -> {
                throw new PageRefusal.TooManyRequests(wait);
            });
            handler.handle(ctx, viewer);
        } catch (Exception failure) {
            failures.answer(ctx, failure, ViewerOnFailure.of(ctx, viewer));
        }
    }

    /** Static files cost nothing to serve and are not counted against the budget; an unknown one is no page. */
    private void asset(Context ctx) {
        secure(ctx, PageFormat.HTML);
        try {
            assets.serve(ctx, ctx.pathParam("asset"));
        } catch (PageRefusal.NoSuchPage failure) {
            failures.answer(ctx, failure, Viewer.of(PageFormat.HTML, ctx.header("Accept-Language")));
        }
    }

    private void searchPage(Context ctx, Viewer initial) {
        PageAddress address = PageAddress.read(ctx.queryString(), SEARCH_PARAMETERS);
        Viewer viewer = initial.choosing(address.language());
        ViewerOnFailure.remember(ctx, viewer);
        if (address.number().isEmpty()) {
            ctx.header("Cache-Control", "public, max-age=300").header("Vary", "Accept-Language")
                    .header("Content-Language", viewer.language().code())
                    .contentType(HTML_MEDIA_TYPE)
                    .result(search.page(text.in(viewer.language()), viewer.chosen(), "", Optional.empty()));
            return;
        }
        String typed = address.number().get();
        ViewerOnFailure.remember(ctx, viewer.typing(typed));
        TrackNumber number = TrackNumber.parse(typed);
        ctx.redirect(viewer.href(parcelPath(number.value()), 1), HttpStatus.SEE_OTHER);
        withoutBody(ctx);
    }

    private void parcelPage(Context ctx, Viewer initial) {
        String raw = ctx.pathParam(NUMBER_PARAMETER);
        Viewer typing = initial.typing(raw);
        ViewerOnFailure.remember(ctx, typing);
        PageAddress address = PageAddress.read(ctx.queryString(), initial.format().parameters());
        Viewer viewer = typing.choosing(address.language());
        ViewerOnFailure.remember(ctx, viewer);
        parcels.serve(ctx, viewer, raw, address.page());
    }

    /** A redirect or 304 has no body; Javalin would otherwise label the nothing text/plain. */
    static void withoutBody(Context ctx) {
        ctx.res().setContentType(null);
    }

    private static void secure(Context ctx, PageFormat format) {
        ctx.header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex");
        if (format == PageFormat.JSON) {
            // Public data without credentials: any site's widget may read it.
            ctx.header("Access-Control-Allow-Origin", "*");
        } else {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Frame-Options", "DENY");
        }
    }

    /** What the request had told about its viewer when it failed, kept on the request as it is learnt. */
    private static final class ViewerOnFailure {
        private static final String ATTRIBUTE = "parceltrack.track.viewer";

        static void remember(Context ctx, Viewer viewer) {
            ctx.attribute(ATTRIBUTE, viewer);
        }

        static Viewer of(Context ctx, Viewer fallback) {
            Viewer learnt = ctx.attribute(ATTRIBUTE);
            return learnt == null ? fallback : learnt;
        }
    }
}
