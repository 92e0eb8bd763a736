package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BotSettingsTest {
    private static final String TOKEN = "123456:AAE-secret_part";

    @Test
    void neverPrintsTheToken() {
        BotSettings settings = BotSettings.of("user-bot", TOKEN, BotSettings.TELEGRAM, "parcel_bot", Language.RU,
                ZoneId.of("Europe/Moscow"));

        assertThat(settings.toString()).doesNotContain("AAE-secret_part").contains("123456:***");
    }

    @Test
    void refusesAMalformedTokenWithoutRepeatingIt() {
        assertThatThrownBy(() -> BotSettings.of("user-bot", "not a token secret", BotSettings.TELEGRAM, "bot",
                Language.EN, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
    }

    @Test
    void refusesATelegramUrlThatIsNotHttp() {
        assertThatThrownBy(() -> BotSettings.of("user-bot", TOKEN, URI.create("ftp://example.com"), "bot",
                Language.EN, ZoneId.of("UTC"))).hasMessageContaining("http");
    }
}
