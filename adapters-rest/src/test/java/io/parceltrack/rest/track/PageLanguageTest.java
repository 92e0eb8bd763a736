package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageLanguageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7 | RU",
            "en-GB,en;q=0.9,ru;q=0.8 | EN",
            "de-DE,de;q=0.9,ru;q=0.5,en;q=0.4 | RU",
            "en;q=0.3, ru;q=0.6 | RU",
            "ru;q=0, en | EN",
            "fr, de | EN",
            "'' | EN",
            "*;q=0.1 | EN",
            ";;;,ru | RU",
            "RU | RU",
            "en, ru | EN"})
    void choosesTheMostWantedOfOurLanguages(String header, PageLanguage expected) {
        assertThat(PageLanguage.preferred(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ru;q=2 | EN", "ru;q=abc, en | EN"})
    void skipsEntriesItCannotRead(String header, PageLanguage expected) {
        assertThat(PageLanguage.preferred(header)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void readsNoFurtherThanABrowserWouldSend() {
        assertThat(PageLanguage.preferred("en;q=0.1," + "x,".repeat(400) + "ru")).isEqualTo(PageLanguage.EN);
    }
}
