package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void picksTheLanguageFromTelegramsLanguageCode() {
        assertThat(Language.fromTelegramCode("ru")).contains(Language.RU);
        assertThat(Language.fromTelegramCode("en-GB")).contains(Language.EN);
        assertThat(Language.fromTelegramCode("de")).isEmpty();
        assertThat(Language.fromTelegramCode(null)).isEmpty();
    }

    @Test
    void refusesAConfiguredLanguageItDoesNotSpeak() {
        assertThatThrownBy(() -> Language.parse("fr")).hasMessageContaining("use en or ru");
    }
}
