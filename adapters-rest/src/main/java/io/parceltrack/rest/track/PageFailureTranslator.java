package io.parceltrack.rest.track;

import io.javalin.http.Context;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.rest.track.PageText.Words;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking page's one translator of failures into answers: a friendly page in the viewer's
 * language for people, a problem document (RFC 9457, the manager API's type URIs) for the JSON
 * twin. An invalid track number is 400, an unknown one 404, a client over its budget 429, a
 * database that is down 503; anything else is our bug, logged, and answered 500 with the request id.
 */
final class PageFailureTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(PageFailureTranslator.class);
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "30";

    private final PageText text;
    private final ErrorPageView errorPage;
    private final SearchForm search;
    private final TrackingJson json;

    PageFailureTranslator(PageText text, ErrorPageView errorPage, SearchForm search, TrackingJson json) {
        this.text = text;
        this.errorPage = errorPage;
        this.search = search;
        this.json = json;
    }

    void answer(Context ctx, Exception failure, Viewer viewer) {
        Words words = text.in(viewer.language());
        String typed = viewer.typedNumber().orElse("");
        // The language switch of an error page leads to the same parcel where there is one, else to the form.
        String switchPath = TrackingPage.ROOT;
        Answer answer;
        if (failure instanceof PageRefusal.UnreadableAddress unreadable) {
            answer = new Answer(400, "malformed-request", "Malformed request", unreadable.getMessage(),
                    words.get("error.badRequest.title"), words.get("error.badRequest.text", unreadable.parts().stream()
                            .map(part -> words.get(part.phraseKey(), part.phraseValues()))
                            .collect(Collectors.joining("; "))), false);
        } else if (failure instanceof PageRefusal.NoSuchPage) {
            answer = new Answer(404, "not-found", "Not found", "there is no page at this address",
                    words.get("error.noPage.title"), words.get("error.noPage.text"), false);
        } else if (failure instanceof PageRefusal.TooManyRequests tooMany) {
            ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
            answer = new Answer(429, "rate-limited", "Too many requests", tooMany.getMessage(),
                    words.get("error.rateLimited.title"), words.get("error.rateLimited.text", tooMany.retryAfterSeconds()),
                    false);
        } else if (failure instanceof InvalidInputException invalid) {
            if (viewer.format() == PageFormat.HTML) {
                String problem = typed.isBlank() ? words.get("search.required") : words.get("search.invalid");
                writeHtml(ctx, 400, viewer, search.page(words, viewer.chosen(), typed, Optional.of(problem)));
                return;
            }
            answer = new Answer(400, "invalid-input", "Invalid input", invalid.getMessage(), "", "", false);
        } else if (failure instanceof NotFoundException) {
            String number = typed.strip().toUpperCase(Locale.ROOT);
            switchPath = TrackingPage.parcelPath(number);
            answer = new Answer(404, "not-found", "Not found", "there is no parcel with track number " + number,
                    words.get("error.notFound.title"), words.get("error.notFound.text", number), true);
        } else if (failure instanceof UnavailableException) {
            LOG.warn("the tracking page cannot read parcels: {}", failure.getMessage(), failure);
            ctx.header("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS);
            answer = new Answer(503, "unavailable", "Service unavailable", "parcels cannot be read right now",
                    words.get("error.unavailable.title"), words.get("error.unavailable.text"), false);
        } else {
            String requestId = Optional.ofNullable(ctx.res().getHeader(REQUEST_ID_HEADER)).orElse("-");
            LOG.error("unexpected failure serving the tracking page (request id {})", requestId, failure);
            answer = new Answer(500, "internal", "Internal server error",
                    "something went wrong on our side; quote request id " + requestId + " when reporting it",
                    words.get("error.internal.title"), words.get("error.internal.text", requestId), false);
        }
        if (viewer.format() == PageFormat.JSON) {
            ctx.status(answer.status()).contentType(TrackingJson.PROBLEM_MEDIA_TYPE)
                    .result(json.problem(answer.slug(), answer.problemTitle(), answer.status(), answer.detail(), ctx.path()));
        } else {
            writeHtml(ctx, answer.status(), viewer, errorPage.render(words, viewer.chosen(), switchPath,
                    answer.pageTitle(), answer.pageText(), answer.offerSearch()));
        }
    }

    private static void writeHtml(Context ctx, int status, Viewer viewer, String page) {
        ctx.status(status).header("Content-Language", viewer.language().code()).header("Vary", "Accept-Language")
                .contentType(TrackingPage.HTML_MEDIA_TYPE).result(page);
    }

    /** One failure in both languages the page speaks: problem fields for JSON, words for people. */
    private record Answer(int status, String slug, String problemTitle, String detail, String pageTitle,
            String pageText, boolean offerSearch) {}
}
