package io.parceltrack.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void showsTextWithTagsAppliedAndEntitiesDecoded() {
        assertThat(TelegramHtml.toPlainText("<b>Box</b> &lt;1&gt; &amp; <code>VF834349180</code> &#128230; &quot;"))
                .isEqualTo("Box <1> & VF834349180 📦 \"");
    }

    @Test
    void acceptsLinksAndNestedTags() {
        assertThat(TelegramHtml.toPlainText("<a href=\"https://example.com\"><b>site</b></a>")).isEqualTo("site");
    }

    @Test
    void refusesWhatTelegramCannotParse() {
        for (String broken : new String[] {"1 < 2", "R&D", "<b>open", "</b>", "<b><i>x</b></i>", "<script>",
                "a > b", "&bogus;"}) {
            assertThatThrownBy(() -> TelegramHtml.toPlainText(broken)).as(broken)
                    .isInstanceOfSatisfying(BotApiError.class, e -> {
                        assertThat(e.code()).isEqualTo(400);
                        assertThat(e.description()).startsWith("Bad Request: can't parse entities");
                    });
        }
    }
}
