package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.telegram.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/BOTS.md lists every button label, in both languages, exactly as the bots show it. */
class BotsDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "BOTS.md");

    private static List<Text> buttonLabels() {
        List<Text> labels = new ArrayList<>();
        for (Text text : Text.values()) {
            if (text.name().contains("BUTTON") && !text.name().startsWith("STALE")) {
                labels.add(text);
            }
        }
        for (ParcelStatus status : ParcelStatus.checkpointStatuses()) {
            labels.add(Text.valueOf("STATUS_" + status.name()));
        }
        return labels;
    }

    @Test
    void theLabelTableHasEveryButtonInBothLanguages() throws IOException {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        Phrasebook english = Phrasebook.load(Language.EN);
        Phrasebook russian = Phrasebook.load(Language.RU);

        for (Text label : buttonLabels()) {
            String row = document.lines().filter(line -> line.startsWith("| `" + label.key() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/BOTS.md has no row for " + label.key()));
            assertThat(row).as(label.key()).contains("`" + english.plain(label) + "`")
                    .contains("`" + russian.plain(label) + "`");
        }
    }
}
