package io.parceltrack.rest.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTextAndAttributeValues() {
        String html = Html.document(Html.element("p").attr("title", "\"onmouseover='x'").text("<b>&amp;</b>"));

        assertThat(html).isEqualTo("<!DOCTYPE html>\n<p title=\"&quot;onmouseover=&#39;x&#39;\">&lt;b&gt;&amp;amp;&lt;/b&gt;</p>\n");
    }

    @Test
    void refusesNamesThatCouldSmuggleMarkup() {
        assertThatThrownBy(() -> Html.element("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.element("p").attr("x\"y", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void voidElementsHaveNoClosingTagAndNoContent() {
        assertThat(Html.document(Html.element("div").add(Html.element("input").attr("name", "n"))))
                .contains("<div><input name=\"n\"></div>");
        assertThatThrownBy(() -> Html.element("br").text("x")).isInstanceOf(IllegalStateException.class);
    }
}
