package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoedTextTest {

    @Test
    void keepsOrdinaryTextIncludingEmoji() {
        assertThat(EchoedText.of("parcel 📦 ok", 50)).isEqualTo("parcel 📦 ok");
    }

    @Test
    void replacesControlCharactersAndLoneSurrogates() {
        assertThat(EchoedText.of("a\nb\u0000c\ud800d", 50)).isEqualTo("a?b?c?d");
    }

    @Test
    void shortensLongTextByCodePoints() {
        assertThat(EchoedText.of("📦".repeat(10), 3)).isEqualTo("📦📦📦…");
        assertThat(EchoedText.of("abc", 3)).isEqualTo("abc");
    }

    @Test
    void treatsAbsentTextAsEmpty() {
        assertThat(EchoedText.of(null, 3)).isEmpty();
    }
}
