package io.parceltrack.rest.track;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Debian {@code chromium} driven through its {@code chromium-driver}, headless, with
 * a fresh profile and nothing that reaches the network on its own. One per test class: starting a
 * browser is the slow part. {@code .ci/run} installs both packages when they are missing.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core's browser build, from the jar its authors publish on Maven Central (a copy of the npm package's axe.min.js). */
    private static final String AXE_RESOURCE = "/axe.min.js";

    final ChromeDriver driver;
    private final Path profile;

    /**
     * @param timeZone the zone the browser believes it is in, e.g. {@code Asia/Tokyo}
     * @param acceptLanguages what the browser sends as Accept-Language, e.g. {@code ru-RU,ru}
     */
    HeadlessChromium(String timeZone, String acceptLanguages) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does it)");
        }
        try {
            profile = Files.createTempDirectory("parceltrack-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(30));
    }

    /** Lays the page out for a screen {@code width} CSS pixels wide (a phone below 600), as tall as its content. */
    void emulateWidth(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves a screenshot of the whole page (not only the first screen) as a PNG. */
    Path screenshot(Path file, int width) {
        emulateWidth(width);
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulateWidth(width);
        return file;
    }

    /** Makes the page believe the reader prefers a dark (or light) colour scheme. */
    void preferColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Runs axe-core on the current page against WCAG 2.1 A/AA and best practices; returns its
     * violations as {@code impact: rule (nodes)} lines.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> accessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                  .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: ''}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    private static String axeSource() {
        try (InputStream in = HeadlessChromium.class.getResourceAsStream(AXE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(AXE_RESOURCE + " is missing: com.deque.html.axe-core:selenium must be a test dependency");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless; the test's verdict does not depend on it.
            }
        }
    }
}
