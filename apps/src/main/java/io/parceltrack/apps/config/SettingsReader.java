package io.parceltrack.apps.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed settings and, instead of stopping at the first bad one, collects every problem so
 * that start-up fails once with the complete list. Each problem names the setting and the
 * environment variable that overrides it. Getters return a harmless placeholder after a problem;
 * {@link #validate()} must be called before any value is used.
 */
public final class SettingsReader {
    private static final String POSITIVE_DURATION = "must be a positive duration like 500ms or 5s";

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Config config) {
        this.config = config;
    }

    public String string(String path) {
        return read(path, config::getString, "", "must be text");
    }

    /** A value that must be given (not blank). */
    public String requiredString(String path) {
        String value = string(path);
        if (value.isBlank() && config.hasPath(path)) {
            problem(path, "is required");
        }
        return value;
    }

    public boolean bool(String path) {
        return read(path, config::getBoolean, false, "must be true or false");
    }

    public int intInRange(String path, int min, int max) {
        int value = read(path, config::getInt, min, "must be a whole number between " + min + " and " + max);
        if (value < min || value > max) {
            problem(path, "must be between " + min + " and " + max + ", got " + value);
            return min;
        }
        return value;
    }

    /** A TCP port to listen on; 0 picks a free one. */
    public int port(String path) {
        return intInRange(path, 0, 65_535);
    }

    public Duration positiveDuration(String path) {
        Duration value = read(path, config::getDuration, Duration.ofSeconds(1), POSITIVE_DURATION);
        if (value.isNegative() || value.isZero()) {
            problem(path, POSITIVE_DURATION);
            return Duration.ofSeconds(1);
        }
        return value;
    }

    /** A duration from zero (none) up to {@code max}. */
    public Duration durationUpTo(String path, Duration max) {
        String expected = "must be a duration from 0ms up to " + max.toMillis() + "ms";
        Duration value = read(path, config::getDuration, Duration.ZERO, expected);
        if (value.isNegative() || value.compareTo(max) > 0) {
            problem(path, expected + ", got " + value.toMillis() + "ms");
            return Duration.ZERO;
        }
        return value;
    }

    public long bytes(String path) {
        return read(path, config::getBytes, 0L, "must be a size like 64KiB or 1MiB");
    }

    public ZoneId zone(String path) {
        String value = string(path);
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            if (!value.isEmpty()) {
                problem(path, "must be a time zone like Europe/Moscow or UTC, got '" + value + "'");
            }
            return ZoneId.of("UTC");
        }
    }

    /** Records a problem found by a caller's own check. */
    public void problem(String path, String message) {
        problems.add(EnvironmentOverrides.variableFor(path) + " (" + path + ") " + message);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws InvalidConfigurationException listing every problem found, if there was any */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /** {@code expected} says what a valid value looks like, in our words rather than the library's. */
    private <T> T read(String path, Function<String, T> getter, T placeholder, String expected) {
        try {
            return getter.apply(path);
        } catch (ConfigException.Missing e) {
            problem(path, "is missing");
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            problem(path, expected + ", got " + given(path));
        }
        return placeholder;
    }

    private String given(String path) {
        try {
            return "'" + config.getValue(path).unwrapped() + "'";
        } catch (ConfigException e) {
            return "something else";
        }
    }
}
