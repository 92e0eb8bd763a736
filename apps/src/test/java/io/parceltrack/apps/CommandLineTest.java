package io.parceltrack.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.MigrationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a newcomer types and reads: options, unknown commands, the settings list, start failures, reports. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private int run(String command, Map<String, String> environment) {
        return ParcelTrack.runCommand(command, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theDataDirectoryOptionIsTheSettingForThisRun() {
        CommandLine spaced = CommandLine.parse(new String[] {"standalone", "--data-dir", "/srv/shop"}, Map.of("A", "b"));
        CommandLine joined = CommandLine.parse(new String[] {"standalone", "--data-dir=/srv/shop"}, Map.of());

        assertThat(spaced.command()).isEqualTo("standalone");
        assertThat(spaced.environment()).containsEntry("PARCELTRACK_STANDALONE_DATA_DIR", "/srv/shop").containsEntry("A", "b");
        assertThat(joined.environment()).containsEntry("PARCELTRACK_STANDALONE_DATA_DIR", "/srv/shop");
    }

    @Test
    void refusesOptionsThatDoNotBelong() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"account-service", "--data-dir", "x"}, Map.of()))
                .hasMessageContaining("belongs to standalone");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"standalone", "--data-dir"}, Map.of()))
                .hasMessageContaining("needs a directory");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"standalone", "--verbose"}, Map.of()))
                .hasMessageContaining("unknown option '--verbose'");
    }

    @Test
    void anUnknownCommandIsNamedBeforeTheUsage() {
        int exit = run("stanalone", Map.of());

        assertThat(exit).isEqualTo(ParcelTrack.USAGE);
        assertThat(text(err)).startsWith("unknown command 'stanalone'").contains("usage: ./parceltrack <command>");
    }

    @Test
    void settingsShowsDefaultCurrentValueAndMeaningWithSecretsMasked() {
        int exit = run("settings", Map.of("PARCELTRACK_HTTP_PORT", "9000",
                "PARCELTRACK_DB_PARCELS_PASSWORD", "hunter2-secret"));

        assertThat(exit).isEqualTo(ParcelTrack.OK);
        String listed = text(out);
        assertThat(listed).contains("PARCELTRACK_HTTP_PORT  (parceltrack.http.port)\n    default: 8080   current: 9000\n"
                + "    Port of the REST API");
        assertThat(listed).contains("PARCELTRACK_DB_PARCELS_PASSWORD  (parceltrack.db.parcels.password)\n"
                + "    default: (empty)   current: ****");
        assertThat(listed).doesNotContain("hunter2-secret");
    }

    @Test
    void aPortInUseNamesTheVariableThatMovesIt() {
        Exception failure = new IllegalStateException("could not start HTTP server",
                new java.io.IOException("Failed to bind to 0.0.0.0/0.0.0.0:8080", new BindException("Address already in use")));

        String explained = StartFailure.explain(failure, ConfigurationLoader.load(Map.of()));

        assertThat(explained).contains("port 8080 is already in use").contains("PARCELTRACK_HTTP_PORT");
        assertThat(StartFailure.explain(new IllegalStateException("other"), ConfigFactory.empty()))
                .isEqualTo("java.lang.IllegalStateException: other");
    }

    @Test
    void migrateRequiresAnyOfTheThreeUrlsAndReportsInWords() {
        int exit = run("migrate", Map.of());

        assertThat(exit).isEqualTo(ParcelTrack.BAD_CONFIGURATION);
        assertThat(text(err)).contains("PARCELTRACK_DB_ACCOUNTS_URL").contains("PARCELTRACK_DB_PARCELS_URL")
                .contains("PARCELTRACK_DB_BOTS_URL");
        assertThat(MigrateCommand.describe(new MigrationReport(DatabaseRole.PARCELS, 3, "3", 0, null)))
                .isEqualTo("parcels database: 3 migrations applied, schema at version 3");
        assertThat(MigrateCommand.describe(new MigrationReport(DatabaseRole.ACCOUNTS, 0, "1", 1, "1")))
                .isEqualTo("accounts database: already up to date, schema at version 1; demo data: 1 script applied");
    }
}
