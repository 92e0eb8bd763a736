package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.ParcelStatus;
import org.junit.jupiter.api.Test;

class PageTextTest {
    private final PageText text = new PageText();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(text.keys(PageLanguage.RU)).containsExactlyInAnyOrderElementsOf(text.keys(PageLanguage.EN));
    }

    @Test
    void everyStatusHasAName() {
        for (PageLanguage language : PageLanguage.values()) {
            for (ParcelStatus status : ParcelStatus.values()) {
                assertThat(text.get(language, "status." + status.name())).isNotBlank();
            }
        }
    }

    @Test
    void fillsPlaceholdersAndReadsUtf8() {
        assertThat(text.get(PageLanguage.RU, "parcel.statusLine", "В пути")).isEqualTo("Статус: В пути");
        assertThat(text.get(PageLanguage.EN, "error.rateLimited.text", 7)).contains("wait 7 seconds");
    }
}
