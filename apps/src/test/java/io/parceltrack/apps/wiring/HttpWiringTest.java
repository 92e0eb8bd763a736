package io.parceltrack.apps.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.config.AppSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpWiringTest {

    @Test
    void thePublicApiUrlIsTheServersPublicRootPlusTheApiBasePath() {
        assertThat(HttpWiring.publicApiUrl(http("https://parcels.example.com")))
                .isEqualTo(URI.create("https://parcels.example.com/api/v1"));
        assertThat(HttpWiring.publicApiUrl(http("https://example.com/parceltrack/")))
                .isEqualTo(URI.create("https://example.com/parceltrack/api/v1"));
    }

    private static AppSettings.Http http(String publicUrl) {
        return new AppSettings.Http("0.0.0.0", 8080, 65_536, 20, 40, Duration.ofHours(24), publicUrl, Duration.ofSeconds(5), 10_000, 100_000);
    }
}
