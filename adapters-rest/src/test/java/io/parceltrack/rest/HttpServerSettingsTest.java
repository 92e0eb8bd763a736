package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpServerSettingsTest {

    @Test
    void defaultsAreValid() {
        HttpServerSettings defaults = HttpServerSettings.defaults();

        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.idempotencyTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void listsEveryInvalidSettingAtOnce() {
        assertThatThrownBy(() -> new HttpServerSettings(" ", 70_000, 10, new RateLimitSettings(1, 1), Duration.ZERO,
                Duration.ofSeconds(-1), null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host")
                .hasMessageContaining("port")
                .hasMessageContaining("maxBodyBytes")
                .hasMessageContaining("idempotencyTtl")
                .hasMessageContaining("readinessTimeout")
                .hasMessageContaining("unavailableRetryAfter");
    }

    @Test
    void refusesARateLimitThatAllowsNothing() {
        assertThatThrownBy(() -> new RateLimitSettings(0, 10)).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> new RateLimitSettings(Double.NaN, 10)).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> new RateLimitSettings(1, 0)).hasMessageContaining("burst");
    }

    @Test
    void portZeroMeansAnyFreePort() {
        assertThat(HttpServerSettings.defaults().withAddress("127.0.0.1", 0).port()).isZero();
    }
}
