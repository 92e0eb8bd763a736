package io.parceltrack.apps;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.apps.runtime.Lifecycle;
import java.time.Clock;

/**
 * One of the things the jar can run. An app reads nothing itself: it gets its settings, says which
 * of them it cannot do without, and assembles adapters and services into an unstarted lifecycle.
 */
public interface App {
    /** The subcommand, e.g. {@code account-service}. */
    String command();

    String description();

    /** Records a problem in {@code reader} for each setting this app cannot run without. */
    void checkRequirements(AppSettings settings, SettingsReader reader);

    Lifecycle assemble(AppSettings settings, Clock clock) throws Exception;

    /** The conventional requirement: {@code path} must not be blank for this app. */
    static void require(SettingsReader reader, String command, String path, String value) {
        if (value.isBlank()) {
            reader.problem(path, "is required by " + command);
        }
    }
}
