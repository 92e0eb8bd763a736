package io.parceltrack.rest.track;

import static io.parceltrack.rest.track.RunningTrackingPage.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tracking page in a real browser: headless Chromium that prefers Russian and lives in Tokyo
 * opens a parcel with checkpoints, reads what a person would see in both languages, follows the
 * plain-link language switch and the form, checks the 404 page and the Telegram deep link, looks
 * at the page 320 px wide, saves screenshots at 390 px and 1280 px to {@code target/screenshots},
 * and has axe-core check light and dark pages for serious accessibility violations.
 */
class TrackingPageBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static RunningTrackingPage page;
    private static HeadlessChromium browser;
    private static TrackNumber parcel;

    @BeforeAll
    static void start() {
        page = RunningTrackingPage.start();
        parcel = page.parcel("Phone case",
                checkpoint("2026-03-01T09:30:00Z", "Moscow, sorting centre", "Accepted from the sender", ParcelStatus.PENDING),
                checkpoint("2026-03-02T18:05:00Z", "Kazan, hub", "Arrived at the hub", ParcelStatus.IN_TRANSIT),
                checkpoint("2026-03-03T07:40:00Z", "Kazan, hub", "Left the hub for delivery", ParcelStatus.IN_TRANSIT));
        browser = new HeadlessChromium("Asia/Tokyo", "ru-RU,ru");
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            page.close();
        }
    }

    private static void open(String pathAndQuery) {
        browser.driver.get(page.uri(pathAndQuery).toString());
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void showsTheParcelInTheBrowsersLanguageWithTimesInTheReadersZone() {
        open("/track/" + parcel);

        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");
        assertThat(text("h1")).isEqualTo("Phone case");
        assertThat(text(".status-line")).isEqualTo("Статус: В пути");
        assertThat(text("ol.progress li[aria-current=step]")).isEqualTo("В пути");
        assertThat(text("ol.events li:first-child .place")).isEqualTo("Kazan, hub");
        assertThat(text("ol.events li:first-child .description")).isEqualTo("Left the hub for delivery");
        // 07:40 UTC is 16:40 in Tokyo; the script labels it with the zone, and says which zone.
        assertThat(text("ol.events li:first-child time")).contains("16:40").contains("GMT+9").doesNotContain("UTC");
        assertThat(text("#time-zone-note")).isEqualTo("Время указано в вашем часовом поясе: Asia/Tokyo.");
        assertThat(browser.driver.getPageSource()).doesNotContain("Anna", "Bauman");
    }

    @Test
    void thePlainLinkSwitchesToEnglishAndKeepsItAcrossPages() {
        open("/track/" + parcel);
        browser.driver.findElement(By.cssSelector("header nav a[hreflang=en]")).click();
        arrivedAt("lang=en");

        assertThat(text(".status-line")).isEqualTo("Status: In transit");
        assertThat(text("ol.progress li.done")).isEqualTo("Awaiting shipment");
        assertThat(text("a.telegram")).isEqualTo("Follow in Telegram");
        assertThat(text("#time-zone-note")).isEqualTo("Times are in your time zone, Asia/Tokyo.");
        browser.driver.findElement(By.cssSelector("a.brand")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/track(\\?.*)?$"));
        assertThat(text("h1")).isEqualTo("Track a parcel");
    }

    @Test
    void followInTelegramIsADeepLinkToTheUserBot() {
        open("/track/" + parcel);

        WebElement link = browser.driver.findElement(By.cssSelector("a.telegram"));

        assertThat(link.getText()).isEqualTo("Следить в Telegram");
        assertThat(link.getDomAttribute("href")).isEqualTo("https://t.me/" + RunningTrackingPage.BOT + "?start=" + parcel);
    }

    @Test
    void theFormTakesATypedNumberToItsParcel() {
        open("/track?lang=en");
        WebElement field = browser.driver.findElement(By.id("track-number"));
        field.sendKeys(" " + parcel.value().toLowerCase() + " ");
        browser.driver.findElement(By.cssSelector("form.search button")).click();

        arrivedAt("/track/" + parcel);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/track/" + parcel + "?lang=en");
        assertThat(text(".status-line")).isEqualTo("Status: In transit");
    }

    @Test
    void anUnknownNumberShowsAFriendly404PageInBothLanguages() {
        open("/track/ZZ000000000");
        String russian = text("main");
        open("/track/ZZ000000000?lang=en");

        assertThat(text("h1")).isEqualTo("Parcel not found");
        assertThat(text("main")).contains("There is no parcel with track number ZZ000000000");
        assertThat(russian).contains("Посылка не найдена", "Посылки с трек-номером ZZ000000000 нет");
        assertThat(browser.driver.findElements(By.id("track-number"))).hasSize(1);
    }

    @Test
    void isReadableAt320PixelsWithoutSidewaysScrolling() {
        open("/track/" + parcel);
        browser.emulateWidth(320);
        try {
            Number scrollWidth = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth;");
            Number fontSize = (Number) browser.driver.executeScript(
                    "return parseFloat(getComputedStyle(document.querySelector('.place')).fontSize);");

            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(320);
            assertThat(fontSize.doubleValue()).isGreaterThanOrEqualTo(14);
        } finally {
            browser.emulateWidth(1280);
        }
    }

    @Test
    void savesScreenshotsForReview() throws Exception {
        open("/track/" + parcel + "?lang=en");
        Path phone = browser.screenshot(SCREENSHOTS.resolve("tracking-page-390.png"), 390);
        Path desktop = browser.screenshot(SCREENSHOTS.resolve("tracking-page-1280.png"), 1280);
        browser.preferColorScheme("dark");
        Path dark = browser.screenshot(SCREENSHOTS.resolve("tracking-page-390-dark.png"), 390);
        browser.preferColorScheme("light");
        open("/track/ZZ000000000");
        Path notFound = browser.screenshot(SCREENSHOTS.resolve("tracking-page-404-390.png"), 390);
        browser.emulateWidth(1280);

        for (Path screenshot : List.of(phone, desktop, dark, notFound)) {
            byte[] png = Files.readAllBytes(screenshot);
            assertThat(png).hasSizeGreaterThan(5_000);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    @Test
    void axeReallyRunsAndReportsWhatIsWrong() {
        browser.driver.get("data:text/html,<html><body><img src=x><input type=text></body></html>");

        assertThat(browser.accessibilityViolations()).extracting(violation -> violation.get("id"))
                .contains("image-alt", "label", "html-has-lang");
    }

    @Test
    void axeFindsNoSeriousViolationsOnAnyPageLightOrDark() {
        for (String scheme : List.of("light", "dark")) {
            browser.preferColorScheme(scheme);
            for (String path : List.of("/track/" + parcel, "/track/" + parcel + "?lang=en", "/track", "/track/ZZ000000000",
                    "/track?number=nonsense")) {
                open(path);
                List<Map<String, Object>> serious = browser.accessibilityViolations().stream()
                        .filter(violation -> List.of("serious", "critical").contains(violation.get("impact")))
                        .toList();
                assertThat(serious).as(scheme + " " + path).isEmpty();
            }
        }
        browser.preferColorScheme("light");
    }

    /** A click only starts a navigation (a GET, maybe a redirect): waits until the address shows it landed. */
    private static void arrivedAt(String partOfUrl) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(partOfUrl));
    }
}
