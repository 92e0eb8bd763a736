package io.parceltrack.apps;

import io.parceltrack.apps.config.EnvironmentOverrides;
import java.util.HashMap;
import java.util.Map;

/**
 * What the jar was asked to do: a command, and the environment it runs with. Options on the
 * command line are the same settings as the variables, so {@code standalone --data-dir DIR} simply
 * sets {@code PARCELTRACK_STANDALONE_DATA_DIR} for this run.
 */
record CommandLine(String command, Map<String, String> environment) {
    static final String DATA_DIR_OPTION = "--data-dir";
    static final String DATA_DIR_VARIABLE = EnvironmentOverrides.variableFor("parceltrack.standalone.data-dir");

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static CommandLine parse(String[] args, Map<String, String> environment) {
        if (args.length == 0) {
            return new CommandLine("", environment);
        }
        String command = args[0];
        Map<String, String> withOptions = new HashMap<>(environment);
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value;
            if (option.startsWith(DATA_DIR_OPTION + "=")) {
                value = option.substring(DATA_DIR_OPTION.length() + 1);
            } else if (option.equals(DATA_DIR_OPTION) && i + 1 < args.length) {
                value = args[++i];
            } else if (option.equals(DATA_DIR_OPTION)) {
                throw new IllegalArgumentException(DATA_DIR_OPTION + " needs a directory: " + DATA_DIR_OPTION + " DIR");
            } else {
                throw new IllegalArgumentException("unknown option '" + option + "' for " + command);
            }
            if (!command.equals(StandaloneApp.COMMAND)) {
                throw new IllegalArgumentException(DATA_DIR_OPTION + " belongs to standalone, not to " + command);
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(DATA_DIR_OPTION + " needs a directory: " + DATA_DIR_OPTION + " DIR");
            }
            withOptions.put(DATA_DIR_VARIABLE, value);
        }
        return new CommandLine(command, Map.copyOf(withOptions));
    }
}
