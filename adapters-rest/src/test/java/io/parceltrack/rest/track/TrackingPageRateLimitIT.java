package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.rest.RateLimitSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each client address has its own budget; over it, a clear 429 page; behind a proxy, the forwarded address counts. */
class TrackingPageRateLimitIT {

    @Test
    void overTheBudgetAPersonGetsAPageSayingWhenToComeBack() {
        try (RunningTrackingPage page = RunningTrackingPage.start(
                settings -> settings.withRateLimit(new RateLimitSettings(0.5, 2)))) {
            page.get("/track");
            page.get("/track/ZZ000000000");

            HttpResponse<String> refused = page.get("/track", "Accept-Language", "ru");
            HttpResponse<String> asset = page.get("/track/assets/page.css");
            page.clock.advance(Duration.ofSeconds(2));
            HttpResponse<String> later = page.get("/track");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(refused.body()).contains("Слишком много запросов", "Подождите 2 с");
            assertThat(asset.statusCode()).as("the page's own files are not counted").isEqualTo(200);
            assertThat(later.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudgetAndCannotForgeAnother() {
        try (RunningTrackingPage page = RunningTrackingPage.start(settings -> settings
                .withRateLimit(new RateLimitSettings(0.001, 1)).withTrustedProxies(1))) {
            assertThat(page.get("/track", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
            assertThat(page.get("/track", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(200);

            // The client wrote the left entry itself; the proxy appended the real one on the right.
            HttpResponse<String> forged = page.get("/track", "X-Forwarded-For", "192.0.2.99, 203.0.113.7");

            assertThat(forged.statusCode()).isEqualTo(429);
        }
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        try (RunningTrackingPage page = RunningTrackingPage.start(
                settings -> settings.withRateLimit(new RateLimitSettings(0.001, 1)))) {
            page.get("/track", "X-Forwarded-For", "203.0.113.7");

            assertThat(page.get("/track", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(429);
        }
    }
}
