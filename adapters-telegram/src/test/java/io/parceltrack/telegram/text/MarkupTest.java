package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesEveryCharacterThatHtmlParseModeReserves() {
        assertThat(Markup.escaped("a < b && c > \"d\" *_[]`").html())
                .isEqualTo("a &lt; b &amp;&amp; c &gt; &quot;d&quot; *_[]`");
    }

    @Test
    void separatesParagraphsOnlyBetweenNonEmptyParts() {
        Markup text = Markup.escaped("question");

        assertThat(Markup.NONE.paragraph(text)).isEqualTo(text);
        assertThat(text.paragraph(Markup.NONE)).isEqualTo(text);
        assertThat(Markup.escaped("note").paragraph(text).html()).isEqualTo("note\n\nquestion");
    }
}
