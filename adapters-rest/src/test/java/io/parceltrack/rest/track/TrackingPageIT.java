package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.RunningTrackingPage.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.UnavailableException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracking page and its JSON twin over real HTTP: content, privacy, languages, errors, caching. */
class TrackingPageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningTrackingPage page;
    private static TrackNumber inTransit;

    @BeforeAll
    static void start() {
        page = RunningTrackingPage.start();
        inTransit = page.parcel("Phone case",
                checkpoint("2026-03-01T09:30:00Z", "Moscow hub", "accepted", ParcelStatus.PENDING),
                checkpoint("2026-03-02T18:05:00Z", "Kazan sorting centre", "arrived\nsorted", ParcelStatus.IN_TRANSIT));
    }

    @AfterAll
    static void stop() {
        page.close();
    }

    @Test
    void showsNameStatusForecastAndCheckpointsWithoutAnyPersonalData() {
        HttpResponse<String> answer = page.get("/track/" + inTransit, "Accept-Language", "en-GB,en;q=0.9");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(answer.body())
                .contains("<html lang=\"en\">", "<h1>Phone case</h1>", "Status: In transit", inTransit.value(),
                        "10 Mar 2026, 15:00 UTC", "Kazan sorting centre", "arrived\nsorted", "2 Mar 2026, 18:05 UTC",
                        "aria-current=\"step\">In transit</li>", "<main id=\"main\">", "Times are in UTC.")
                .doesNotContain("Anna", "Bauman", "fragile", "gift");
        assertThat(answer.body().indexOf("Kazan sorting centre")).isLessThan(answer.body().indexOf("Moscow hub"));
    }

    @Test
    void speaksRussianWhenTheBrowserPrefersItAndSwitchesByAPlainLink() {
        HttpResponse<String> russian = page.get("/track/" + inTransit, "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8");
        HttpResponse<String> switched = page.get("/track/" + inTransit + "?lang=en", "Accept-Language", "ru");

        assertThat(russian.body()).contains("<html lang=\"ru\">", "Статус: В пути", "Следить в Telegram",
                "href=\"/track/" + inTransit + "?lang=en\" hreflang=\"en\" lang=\"en\">English</a>");
        assertThat(russian.headers().firstValue("Content-Language")).hasValue("ru");
        assertThat(russian.headers().firstValue("Vary")).hasValue("Accept-Language");
        assertThat(switched.body()).contains("<html lang=\"en\">", "Status: In transit", "lang=\"ru\">Русский</a>");
    }

    @Test
    void linksToTheUserBotWithTheTrackNumberAsStartParameter() {
        HttpResponse<String> answer = page.get("/track/" + inTransit);

        assertThat(answer.body()).contains("href=\"https://t.me/" + RunningTrackingPage.BOT + "?start=" + inTransit + "\"");
    }

    @Test
    void aCanceledParcelSaysSoInsteadOfAProgressLine() {
        TrackNumber canceled = page.parcel("Old lamp",
                checkpoint("2026-03-01T09:30:00Z", "Moscow hub", "", ParcelStatus.CANCELED));

        String body = page.get("/track/" + canceled, "Accept-Language", "en").body();

        assertThat(body).contains("Status: Canceled", "This parcel was canceled").doesNotContain("class=\"progress\"");
    }

    @Test
    void whatAManagerTypedIsShownAsTextNeverAsMarkup() {
        TrackNumber hostile = page.parcel("<script>alert(1)</script>",
                checkpoint("2026-03-01T09:30:00Z", "\"><img src=x onerror=alert(2)>", "</li><b>bold</b>",
                        ParcelStatus.IN_TRANSIT));

        String body = page.get("/track/" + hostile).body();

        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
                "&lt;/li&gt;&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<script>alert", "<img", "<b>");
    }

    @Test
    void longHistoriesArePagedNewestFirstWithLinksBothWays() {
        TrackNumber busy = page.parcel("Busy parcel");
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int hour = 0; hour < 25; hour++) {
            page.addCheckpoint(busy, new Checkpoint(start.plus(Duration.ofHours(hour)), "Stop " + hour, "",
                    ParcelStatus.IN_TRANSIT));
        }

        String first = page.get("/track/" + busy).body();
        String second = page.get("/track/" + busy + "?page=2&lang=ru").body();
        String beyond = page.get("/track/" + busy + "?page=9").body();

        assertThat(first).contains("Stop 24", "Stop 15").doesNotContain("Stop 14").contains("rel=\"next\" href=\"/track/" + busy + "?page=2\"").doesNotContain("rel=\"prev\"");
        assertThat(second).contains("rel=\"prev\" href=\"/track/" + busy + "?lang=ru\"",
                "rel=\"next\" href=\"/track/" + busy + "?page=3&amp;lang=ru\"", "Страница 2");
        assertThat(beyond).contains("There are no events on this page.", "rel=\"prev\"");
    }

    @Test
    void anUnknownNumberGetsAFriendly404PageWithTheForm() {
        HttpResponse<String> answer = page.get("/track/ZZ000000000", "Accept-Language", "en");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(answer.body()).contains("Parcel not found", "There is no parcel with track number ZZ000000000",
                "<form class=\"search\"", "href=\"/track/ZZ000000000?lang=ru\" hreflang=\"ru\"");
    }

    @Test
    void aMalformedNumberGets400WithTheFormSayingWhy() {
        HttpResponse<String> answer = page.get("/track/VF83434918", "Accept-Language", "ru");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Это не трек-номер", "value=\"VF83434918\"", "aria-invalid=\"true\"");
    }

    @Test
    void aNumberInLowerCaseOrWithBlanksRedirectsToItsOneAddress() {
        HttpResponse<String> lower = page.get("/track/" + inTransit.value().toLowerCase() + "?page=2");
        HttpResponse<String> json = page.get("/track/%20" + inTransit.value().toLowerCase() + ".json");

        assertThat(lower.statusCode()).isEqualTo(301);
        assertThat(lower.headers().firstValue("Location")).hasValue("/track/" + inTransit + "?page=2");
        assertThat(json.statusCode()).isEqualTo(301);
        assertThat(json.headers().firstValue("Location")).hasValue("/track/" + inTransit + ".json");
    }

    @Test
    void theFormRedirectsToTheParcelOrExplainsWhatIsWrong() {
        HttpResponse<String> form = page.get("/track", "Accept-Language", "en");
        HttpResponse<String> found = page.get("/track?number=+" + inTransit.value().toLowerCase() + "+&lang=ru");
        HttpResponse<String> wrong = page.get("/track?number=hello", "Accept-Language", "en");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"track-number\">Track number</label>", "role=\"search\"");
        assertThat(found.statusCode()).isEqualTo(303);
        assertThat(found.headers().firstValue("Location")).hasValue("/track/" + inTransit + "?lang=ru");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("This is not a track number", "value=\"hello\"");
    }

    @Test
    void unknownRepeatedOrOutOfRangeParametersAreRefusedNotIgnored() {
        assertThat(page.get("/track/" + inTransit + "?pagesize=50").statusCode()).isEqualTo(400);
        assertThat(page.get("/track/" + inTransit + "?page=1&page=2").statusCode()).isEqualTo(400);
        assertThat(page.get("/track/" + inTransit + "?page=0").statusCode()).isEqualTo(400);
        assertThat(page.get("/track/" + inTransit + "?lang=de").statusCode()).isEqualTo(400);
        assertThat(page.get("/track/" + inTransit + ".json?lang=en").statusCode()).isEqualTo(400);
        HttpResponse<String> explained = page.get("/track/" + inTransit + "?utm_source=x&page=abc", "Accept-Language", "en");
        assertThat(explained.body()).contains("This address cannot be read", "the parameter “utm_source”",
                "the page number (a whole number from 1 to 100000)");
    }

    @Test
    void deeperPathsUnderTrackAreAFriendly404Page() {
        HttpResponse<String> answer = page.get("/track/" + inTransit + "/history", "Accept-Language", "en");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Page not found");
    }

    @Test
    void theJsonTwinCarriesTheSamePublicFieldsAndNothingPersonal() throws Exception {
        HttpResponse<String> answer = page.get("/track/" + inTransit + ".json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("parcel_track_number").asText()).isEqualTo(inTransit.value());
        assertThat(body.get("parcel_name").asText()).isEqualTo("Phone case");
        assertThat(body.get("parcel_status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(body.get("parcel_forecast_date").asText()).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(body.get("telegram_url").asText()).isEqualTo("https://t.me/parceltrack_bot?start=" + inTransit);
        assertThat(body.get("checkpoints")).hasSize(2);
        assertThat(body.get("checkpoints").get(0).get("checkpoint_place").asText()).isEqualTo("Kazan sorting centre");
        assertThat(body.has("next_page_url")).isFalse();
        assertThat(answer.body()).doesNotContain("Anna", "Bauman", "fragile", "recipient", "address");
    }

    @Test
    void jsonErrorsAreProblemDocuments() throws Exception {
        HttpResponse<String> unknown = page.get("/track/ZZ000000000.json");
        HttpResponse<String> malformed = page.get("/track/hello.json");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).get("type").asText()).isEqualTo("urn:parceltrack:problem:not-found");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void aRepeatedViewWithItsEtagIs304WithoutReadingOrRendering() {
        TrackNumber quiet = page.parcel("Quiet parcel");
        HttpResponse<String> first = page.get("/track/" + quiet, "Accept-Language", "en");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        int readsAfterFirst = page.reads.get();

        HttpResponse<String> again = page.get("/track/" + quiet, "Accept-Language", "en", "If-None-Match", etag);

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=10");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(page.reads.get()).isEqualTo(readsAfterFirst);
        HttpResponse<String> otherLanguage = page.get("/track/" + quiet, "Accept-Language", "ru", "If-None-Match", etag);
        assertThat(otherLanguage.statusCode()).isEqualTo(200);
        assertThat(otherLanguage.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void aNewCheckpointShowsOnceTheRecentViewHasExpiredAndChangesTheEtag() {
        TrackNumber moving = page.parcel("Moving parcel");
        HttpResponse<String> before = page.get("/track/" + moving + ".json");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        page.addCheckpoint(moving, checkpoint("2026-03-04T10:00:00Z", "Samara", "", ParcelStatus.IN_TRANSIT));

        HttpResponse<String> withinTtl = page.get("/track/" + moving + ".json", "If-None-Match", etag);
        page.clock.advance(Duration.ofSeconds(11));
        int readsBefore = page.reads.get();
        HttpResponse<String> afterTtl = page.get("/track/" + moving + ".json", "If-None-Match", etag);

        assertThat(withinTtl.statusCode()).isEqualTo(304);
        assertThat(afterTtl.statusCode()).isEqualTo(200);
        assertThat(afterTtl.body()).contains("Samara");
        assertThat(afterTtl.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(page.reads.get()).isEqualTo(readsBefore + 1);
    }

    @Test
    void anExpiredViewThatDidNotChangeIsStill304() {
        TrackNumber still = page.parcel("Still parcel");
        String etag = page.get("/track/" + still).headers().firstValue("ETag").orElseThrow();
        page.clock.advance(Duration.ofSeconds(11));

        HttpResponse<String> again = page.get("/track/" + still, "If-None-Match", "W/" + etag);

        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> head = page.send("HEAD", "/track/" + inTransit);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void pagesForbidFramingInlineScriptsAndReferrers() {
        HttpResponse<String> answer = page.get("/track/" + inTransit);

        assertThat(answer.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void assetsAreServedByNameWithTheVersionThePageLinks() {
        String body = page.get("/track").body();
        String css = body.replaceAll("(?s).*href=\"(/track/assets/page\\.css\\?v=[0-9a-f]+)\".*", "$1");

        HttpResponse<String> style = page.get(css);

        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(style.headers().firstValue("Cache-Control")).get().asString().contains("immutable");
        assertThat(page.get("/track/assets/page_en.properties").statusCode()).isEqualTo(404);
        assertThat(page.get("/track/assets/..%2F..%2Fopenapi.json").statusCode()).isEqualTo(404);
    }

    @Test
    void aDatabaseOutageIs503AndABugIs500WithTheRequestIdNeverAStackTrace() {
        try {
            page.failure.set(() -> new UnavailableException("parcels database down", new ConnectException()));
            HttpResponse<String> down = page.get("/track/" + inTransit + "?page=4", "Accept-Language", "en");
            page.failure.set(() -> new IllegalStateException("a bug with a secret inside"));
            HttpResponse<String> broken = page.get("/track/" + inTransit + "?page=5", "Accept-Language", "en",
                    "X-Request-Id", "req-42");

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(down.body()).contains("Temporarily unavailable");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains("req-42").doesNotContain("secret", "IllegalStateException");
        } finally {
            page.failure.set(null);
        }
    }
}
