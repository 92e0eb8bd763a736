package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.webhook.WebhookUrl;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTextTest {

    private static String shown(String url) {
        return WebhookText.shortAddress(new WebhookUrl(URI.create(url)));
    }

    @Test
    void showsHostPortAndPathButNeverTheQuery() {
        assertThat(shown("https://hooks.shop.example/in")).isEqualTo("hooks.shop.example/in");
        assertThat(shown("https://hooks.shop.example:8443/in?token=s3cr3t&x=1")).isEqualTo("hooks.shop.example:8443/in?…");
        assertThat(shown("https://hooks.shop.example?token=s3cr3t")).isEqualTo("hooks.shop.example?…");
        assertThat(shown("https://[2001:db8::1]/h")).isEqualTo("[2001:db8::1]/h");
        assertThat(shown("http://127.0.0.1:9000/h")).isEqualTo("http://127.0.0.1:9000/h");
    }

    @Test
    void cutsALongAddressToItsLimitWithoutSplittingACharacter() {
        String shown = shown("https://hooks.shop.example/" + "a".repeat(200));

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(WebhookText.MAX_ADDRESS);
        assertThat(shown).endsWith("a…");
        assertThat(WebhookText.cut("ab😀😀", 3)).isEqualTo("ab…");
        assertThat(WebhookText.cut("a😀😀😀", 3)).isEqualTo("a😀…");
        assertThat(WebhookText.cut("a😀", 3)).isEqualTo("a😀");
    }
}
