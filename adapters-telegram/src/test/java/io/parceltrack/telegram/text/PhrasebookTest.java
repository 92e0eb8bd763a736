package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
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
    void bothFilesHoldExactlyTheKeysTheCodeUses() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Text text : Text.values()) {
            keys.add(text.key());
        }

        for (Language language : Language.values()) {
            assertThat(keysOf(language)).as(language + " phrases").isEqualTo(keys);
        }
    }

    /**
     * Russian adjectives agree with their noun, so one "not given" cannot serve a phone (masculine)
     * and a company (feminine): each field has its own key, in the form its noun needs.
     */
    @Test
    void phrasesThatAgreeWithANounHaveOneKeyPerNoun() {
        Phrasebook russian = Phrasebook.load(Language.RU);

        assertThat(Arrays.stream(Text.values()).map(Text::name)).noneMatch(name -> name.equals("NOT_GIVEN"));
        assertThat(russian.plain(Text.NOT_GIVEN_PHONE)).isEqualTo("не указан");
        assertThat(russian.plain(Text.NOT_GIVEN_COMPANY)).isEqualTo("не указана");
        assertThat(russian.phrase(Text.PROFILE_COMPANY, russian.plain(Text.NOT_GIVEN_COMPANY)).html())
                .isEqualTo("Компания: не указана");
        // The statuses describe a parcel (посылка, feminine) wherever they appear.
        assertThat(List.of(russian.plain(Text.STATUS_DELIVERED), russian.plain(Text.STATUS_CANCELED)))
                .allMatch(status -> status.endsWith("а"));
    }

    @Test
    void russianSaysEventsWhereEnglishSaysCheckpoints() {
        for (Text text : Text.values()) {
            assertThat(Phrasebook.load(Language.RU).plain(text).toLowerCase()).as(text.name())
                    .doesNotContain("контрольн");
        }
    }

    private static Set<String> keysOf(Language language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Phrasebook.class.getResourceAsStream("phrases_" + language.code() + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
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

        assertThat(english.phrase(Text.UNKNOWN_COMMAND, "{1}").html()).contains("Unknown command: {1}\n");
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
