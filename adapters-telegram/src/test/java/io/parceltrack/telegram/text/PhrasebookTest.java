package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.Language;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhrasebookTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[0-9]+}");

    @Test
    void everyLanguageHasEveryPhraseWithTheSamePlaceholders() {
        Phrasebook english = Phrasebook.load(Language.EN);
        Phrasebook russian = Phrasebook.load(Language.RU);

        for (Text text : Text.values()) {
            assertThat(placeholders(russian.plain(text))).as(text.name())
                    .isEqualTo(placeholders(english.plain(text)));
            assertThat(russian.plain(text)).as(text.name()).isNotBlank();
        }
    }

    @Test
    void escapesArgumentsButKeepsItsOwnMarkup() {
        Phrasebook english = Phrasebook.load(Language.EN);

        Markup title = english.phrase(Text.CARD_TITLE, "<i>R&D</i> \"kit\"");

        assertThat(title.html()).isEqualTo("\ud83d\udce6 <b>&lt;i&gt;R&amp;D&lt;/i&gt; &quot;kit&quot;</b>");
    }

    @Test
    void insertsMarkupArgumentsAsTheyAre() {
        Phrasebook russian = Phrasebook.load(Language.RU);

        Markup notice = russian.phrase(Text.FIX_AND_RETRY, russian.phrase(Text.PROBLEM_REQUIRED));

        assertThat(notice.html()).isEqualTo("⚠️ Здесь нужно что-нибудь написать.");
    }

    @Test
    void leavesBracesThatAreNotPlaceholdersAlone() {
        Phrasebook english = Phrasebook.load(Language.EN);

        assertThat(english.phrase(Text.UNKNOWN_COMMAND, "{1}").html()).contains("I don't know {1}.");
    }

    private static Set<String> placeholders(String phrase) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(phrase);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
