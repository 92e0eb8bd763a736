package io.parceltrack.apps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.e2e.ParcelTrackJar.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An app started without the settings it cannot run without ends at once, unsuccessfully, with one
 * error on stderr that names every missing setting by its environment variable — not a stack
 * trace, not a hang, not the first problem only.
 */
class MissingSettingsIT {
    /** Far more than the JVM start-up plus reading the settings takes; only a hang would reach it. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static ParcelTrackJar jar;
    private static Path logs;

    @BeforeAll
    static void findTheJar() {
        jar = ParcelTrackJar.built();
        logs = jar.logDirectory(MissingSettingsIT.class.getSimpleName());
    }

    static Stream<Arguments> appsAndWhatTheyCannotRunWithout() {
        return Stream.of(
                Arguments.of("account-service", List.of("PARCELTRACK_DB_ACCOUNTS_URL")),
                Arguments.of("parcels-manager-service",
                        List.of("PARCELTRACK_DB_PARCELS_URL", "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS")),
                Arguments.of("parcels-user-service", List.of("PARCELTRACK_DB_PARCELS_URL")),
                Arguments.of("notification-service",
                        List.of("PARCELTRACK_DB_PARCELS_URL", "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS")),
                Arguments.of("user-bot", List.of("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN", "PARCELTRACK_DB_BOTS_URL",
                        "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS")),
                Arguments.of("manager-bot", List.of("PARCELTRACK_TELEGRAM_MANAGER_BOT_TOKEN", "PARCELTRACK_DB_BOTS_URL")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appsAndWhatTheyCannotRunWithout")
    void exitsAtOnceWithOneErrorNamingEveryMissingVariable(String command, List<String> missing) {
        CommandResult result = jar.run(command, Map.of(), BOUND, logs);

        assertThat(result.ended()).as(command + " ends by itself").isTrue();
        assertThat(result.exitCode()).as(command + "'s exit code (3: bad configuration)").isEqualTo(3);
        List<String> lines = result.stderr().lines().toList();
        String problems = missing.size() == 1 ? "1 problem" : missing.size() + " problems";
        assertThat(lines).as("stderr of " + command).hasSize(1 + missing.size());
        assertThat(lines.get(0)).isEqualTo(command + ": invalid configuration (" + problems + "):");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).startsWith("  - PARCELTRACK_").contains("is required by " + command))
                .extracting(line -> line.substring("  - ".length(), line.indexOf(' ', "  - ".length())))
                .containsExactlyInAnyOrderElementsOf(missing);
        assertThat(result.stdout()).as("stdout of " + command).isEmpty();
    }
}
