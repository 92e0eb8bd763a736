package io.parceltrack.apps.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every setting as a Markdown table row: environment variable, setting, default and the comment
 * written above it in {@code reference.conf}. docs/CONFIGURATION.md embeds this table, and a test
 * keeps the two identical.
 */
public final class SettingsTable {
    private SettingsTable() {}

    public static String markdown(Config config) {
        StringBuilder table = new StringBuilder()
                .append("| environment variable | setting | default | meaning |\n")
                .append("|---|---|---|---|\n");
        for (Map.Entry<String, String> variable : EnvironmentOverrides.variables(config).entrySet()) {
            ConfigValue value = config.getValue(variable.getValue());
            table.append("| `").append(variable.getKey()).append("` | `").append(variable.getValue()).append("` | ")
                    .append(defaultOf(value)).append(" | ").append(meaning(value)).append(" |\n");
        }
        return table.toString();
    }

    private static String defaultOf(ConfigValue value) {
        String rendered = String.valueOf(value.unwrapped());
        return rendered.isEmpty() ? "(empty)" : "`" + rendered + "`";
    }

    private static String meaning(ConfigValue value) {
        return value.origin().comments().stream()
                .map(String::strip)
                .collect(Collectors.joining(" "))
                .replace("|", "\\|");
    }
}
