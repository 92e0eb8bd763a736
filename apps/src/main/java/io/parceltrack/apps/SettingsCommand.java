package io.parceltrack.apps;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.EnvironmentOverrides;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./parceltrack settings}: every setting with the variable that sets it, its default, the
 * value this environment gives it (secrets masked) and what it means, as reference.conf says.
 */
final class SettingsCommand {
    static final String COMMAND = "settings";
    private static final String MASK = "****";

    private SettingsCommand() {}

    static void print(Map<String, String> environment, PrintStream out) {
        Config defaults = ConfigurationLoader.load(Map.of());
        Config current = ConfigurationLoader.load(environment);
        EnvironmentOverrides.variables(defaults).forEach((variable, path) -> {
            ConfigValue defaultValue = defaults.getValue(path);
            String shownDefault = render(path, defaultValue);
            String shownCurrent = render(path, current.getValue(path));
            out.println(variable + "  (" + path + ")");
            out.println("    default: " + shownDefault + (shownCurrent.equals(shownDefault) ? "" : "   current: " + shownCurrent));
            out.println("    " + meaning(defaultValue));
        });
    }

    /** Tokens, passwords and exporter headers (credentials) never reach the screen: only whether they are set. */
    static String render(String path, ConfigValue value) {
        String text = String.valueOf(value.unwrapped());
        String lowered = path.toLowerCase(Locale.ROOT);
        if (lowered.endsWith("token") || lowered.endsWith("password") || lowered.endsWith("headers")) {
            return text.isEmpty() ? "(empty)" : MASK;
        }
        return text.isEmpty() ? "(empty)" : text;
    }

    private static String meaning(ConfigValue value) {
        return value.origin().comments().stream().map(String::strip).collect(Collectors.joining(" "));
    }
}
