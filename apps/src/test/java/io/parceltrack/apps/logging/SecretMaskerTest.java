package io.parceltrack.apps.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pre-checks only skip the regexes where they cannot match: the output is what the regexes alone give. */
class SecretMaskerTest {
    private static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String API_TOKEN = "pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final List<String> SECRETS = List.of("s3cret-db-password", "hunter2!");
    private final SecretMasker masker = new SecretMasker(SECRETS, LoggingSetup.MASK);

    @Test
    void masksATokenThatIsTheWholeValue() {
        assertThat(masker.mask(BOT_TOKEN)).isEqualTo(LoggingSetup.MASK);
        assertThat(masker.mask(API_TOKEN)).isEqualTo(LoggingSetup.MASK);
        assertThat(masker.mask("s3cret-db-password")).isEqualTo(LoggingSetup.MASK);
    }

    @Test
    void masksTokensAtTheStartAndTheEndOfAValue() {
        assertThat(masker.mask(BOT_TOKEN + " was refused")).isEqualTo("**** was refused");
        assertThat(masker.mask("refused: " + BOT_TOKEN)).isEqualTo("refused: ****");
        assertThat(masker.mask(API_TOKEN + " was refused")).isEqualTo("**** was refused");
        assertThat(masker.mask("Bearer " + API_TOKEN)).isEqualTo("Bearer ****");
        assertThat(masker.mask("password=hunter2!")).isEqualTo("password=****");
        assertThat(masker.mask("hunter2! is it")).isEqualTo("**** is it");
    }

    @Test
    void masksEveryOccurrenceOfEveryKindInOneValue() {
        String value = "bot" + BOT_TOKEN + "/getMe key " + API_TOKEN + " pw s3cret-db-password, again " + BOT_TOKEN
                + ":" + API_TOKEN + "hunter2!";

        assertThat(masker.mask(value)).isEqualTo("bot****/getMe key **** pw ****, again ****:********");
    }

    @Test
    void masksATokenGluedToTextAroundIt() {
        assertThat(masker.mask("url=https://api.telegram.org/bot" + BOT_TOKEN + "/sendMessage"))
                .isEqualTo("url=https://api.telegram.org/bot****/sendMessage");
        assertThat(masker.mask("{\"token\":\"" + API_TOKEN + "\"}")).isEqualTo("{\"token\":\"****\"}");
    }

    @Test
    void leavesAValueWithoutSecretsAsItIs() {
        String accessLine = "POST /api/v1/checkpoints 201 3.1ms manager=100001 track_number=VF834349180"
                + " request_id=0f8fad5b-d9cb-469f-a165-70867728950e";

        assertThat(masker.mask(accessLine)).isSameAs(accessLine);
        assertThat(masker.mask(null, accessLine)).isNull();
        assertThat(masker.mask(null, 42)).isNull();
        // Near misses: too few digits before the colon, a token too short, a prefix without its token.
        assertThat(masker.mask("1234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1")).isEqualTo("1234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1");
        assertThat(masker.mask("pt_short and a long tail of text that is long")).isEqualTo("pt_short and a long tail of text that is long");
    }

    @Test
    void givesWhatOneRegexPerPatternGaveForRandomValues() {
        List<Pattern> patterns = new java.util.ArrayList<>(List.of(
                Pattern.compile(LoggingSetup.BOT_TOKEN), Pattern.compile(LoggingSetup.API_TOKEN)));
        SECRETS.forEach(secret -> patterns.add(Pattern.compile(Pattern.quote(secret))));
        String[] pieces = {BOT_TOKEN, API_TOKEN, "s3cret-db-password", "hunter2!", "12345", ":", "pt_", "abcdefghij",
            "0123456789", "-_", " ", "/", "\"", "hunter", "s3cret", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "é", "9:"};
        Random random = new Random(11);

        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int count = random.nextInt(12);
            for (int piece = 0; piece < count; piece++) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            String expected = value.toString();
            for (Pattern pattern : patterns) {
                expected = pattern.matcher(expected).replaceAll(LoggingSetup.MASK);
            }
            assertThat(masker.mask(value.toString())).as(value.toString()).isEqualTo(expected);
        }
    }
}
