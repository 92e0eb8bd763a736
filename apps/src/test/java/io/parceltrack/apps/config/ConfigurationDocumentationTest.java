package io.parceltrack.apps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/CONFIGURATION.md lists exactly the settings reference.conf has, with their defaults and meaning. */
class ConfigurationDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
    private static final String BEGIN = "<!-- settings:begin -->\n";
    private static final String END = "<!-- settings:end -->";

    @Test
    void theDocumentedSettingsTableIsCurrent() throws IOException {
        String expected = SettingsTable.markdown(ConfigurationLoader.load(Map.of()));
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/CONFIGURATION.md has the settings markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);

        String documented = document.substring(begin + BEGIN.length(), end);
        if (!documented.equals(expected)) {
            Path fresh = Path.of("target", "CONFIGURATION-table.md");
            Files.writeString(fresh, expected, StandardCharsets.UTF_8);
            assertThat(documented).as("the table in docs/CONFIGURATION.md is stale; the current one is in apps/" + fresh)
                    .isEqualTo(expected);
        }
    }

    @Test
    void everySettingIsExplained() {
        String table = SettingsTable.markdown(ConfigurationLoader.load(Map.of()));

        assertThat(table.lines().skip(2)).allSatisfy(row -> assertThat(row).doesNotEndWith("|  |"));
    }
}
