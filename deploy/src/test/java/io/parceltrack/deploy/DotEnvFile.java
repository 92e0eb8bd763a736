package io.parceltrack.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code KEY=value} file: compose's {@code .env}, kustomize's {@code envs} files. Lines such as
 * {@code #KEY=value} are kept apart as documented options that are off until uncommented.
 */
record DotEnvFile(Map<String, String> values, Map<String, String> commentedOut) {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$");
    private static final Pattern COMMENTED_ASSIGNMENT = Pattern.compile("^#\\s*([A-Z_][A-Z0-9_]*)=(.*)$");

    static DotEnvFile read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> commentedOut = new LinkedHashMap<>();
        String[] lines = YamlFiles.read(file).split("\\R");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher commented = COMMENTED_ASSIGNMENT.matcher(line);
            if (commented.matches()) {
                commentedOut.put(commented.group(1), unquote(commented.group(2)));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.matches()) {
                throw new AssertionError(DeployFiles.relative(file) + ":" + number + " is not KEY=value: " + line);
            }
            if (values.put(assignment.group(1), unquote(assignment.group(2))) != null) {
                throw new AssertionError(DeployFiles.relative(file) + ":" + number + " sets " + assignment.group(1) + " again");
            }
        }
        return new DotEnvFile(Map.copyOf(values), Map.copyOf(commentedOut));
    }

    private static String unquote(String value) {
        String trimmed = value.strip();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
