package io.parceltrack.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {
    private static final DestinationRules STRICT = DestinationRules.strict();

    private static String refusal(String url, DestinationRules rules) {
        InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions
                .catchThrowable(() -> WebhookUrl.parse(url, rules));
        assertThat(refused).as(url).isNotNull();
        assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("url"));
        return refused.violations().get(0).message();
    }

    @Test
    void acceptsAPublicHttpsUrl() {
        WebhookUrl url = WebhookUrl.parse("  https://hooks.shop.example:8443/in?x=1 ", STRICT);

        assertThat(url.host()).isEqualTo("hooks.shop.example");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.isHttps()).isTrue();
        assertThat(WebhookUrl.parse("https://hooks.shop.example/", STRICT).port()).isEqualTo(443);
    }

    @Test
    void wantsHttpsUnlessPlainHttpIsAllowed() {
        assertThat(refusal("http://hooks.shop.example/", STRICT)).contains("https://");
        assertThat(WebhookUrl.parse("http://hooks.shop.example/", new DestinationRules(true, false)).port()).isEqualTo(80);
        assertThat(refusal("ftp://hooks.shop.example/", new DestinationRules(true, false))).contains("http://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://10.1.2.3/", "https://[::1]/", "https://[::ffff:192.168.0.1]/",
            "https://169.254.169.254/latest/meta-data", "https://localhost/", "https://api.localhost/"})
    void refusesInternalDestinationsWrittenIntoTheUrl(String url) {
        assertThat(refusal(url, STRICT)).contains("public addresses only");
        assertThat(WebhookUrl.parse(url, new DestinationRules(false, true)).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@hooks.shop.example/", "https://hooks.shop.example/#frag", "https:///path",
            "not a url", "https://999.1.1.1/", "https://1.2.3/"})
    void refusesMalformedOrLeakyUrls(String url) {
        refusal(url, STRICT);
    }

    @Test
    void requiresAUrlOfReasonableLength() {
        assertThatThrownBy(() -> WebhookUrl.parse(" ", STRICT)).isInstanceOf(InvalidInputException.class);
        assertThat(refusal("https://hooks.shop.example/" + "a".repeat(2048), STRICT)).contains("2048");
    }
}
