package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageAddressTest {
    private static final Set<String> HTML = PageFormat.HTML.parameters();

    @Test
    void readsPageAndLanguage() {
        assertThat(PageAddress.read("page=3&lang=ru", HTML))
                .isEqualTo(new PageAddress(3, Optional.of(PageLanguage.RU), Optional.empty()));
        assertThat(PageAddress.read(null, HTML)).isEqualTo(new PageAddress(1, Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=1.5", "page=100001", "page=9999999999", "page=",
            "lang=de", "lang=", "page=1&page=2", "size=5", "number=VF834349180", "page=%ZZ", "lang=%FF"})
    void refusesWhatItCannotReadExactly(String query) {
        assertThatThrownBy(() -> PageAddress.read(query, HTML)).isInstanceOf(PageRefusal.UnreadableAddress.class);
    }

    @Test
    void namesAnUnknownParameterCutShort() {
        assertThatThrownBy(() -> PageAddress.read("x".repeat(100) + "=1", HTML))
                .isInstanceOfSatisfying(PageRefusal.UnreadableAddress.class,
                        refusal -> assertThat((String) refusal.parts().get(0).phraseValues()[0]).hasSize(41));
    }

    @Test
    void namesEveryPartThatIsWrongAtOnce() {
        assertThatThrownBy(() -> PageAddress.read("page=0&lang=de&utm_source=x", HTML))
                .isInstanceOfSatisfying(PageRefusal.UnreadableAddress.class, refusal -> assertThat(refusal.parts())
                        .extracting(PageRefusal.Part::phraseKey)
                        .containsExactlyInAnyOrder("error.badRequest.parameter", "error.badRequest.pageNumber",
                                "error.badRequest.language"));
    }
}
