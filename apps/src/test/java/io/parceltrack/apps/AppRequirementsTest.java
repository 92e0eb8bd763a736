package io.parceltrack.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.SettingsReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AppRequirementsTest {

    private static List<String> problems(String command, Map<String, String> environment) {
        App app = ParcelTrack.APPS.stream().filter(a -> a.command().equals(command)).findFirst().orElseThrow();
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(environment));
        app.checkRequirements(AppSettings.read(reader), reader);
        return reader.problems();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "account-service|PARCELTRACK_DB_ACCOUNTS_URL",
            "parcels-manager-service|PARCELTRACK_DB_PARCELS_URL PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS",
            "parcels-user-service|PARCELTRACK_DB_PARCELS_URL",
            "notification-service|PARCELTRACK_DB_PARCELS_URL PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS",
            "user-bot|PARCELTRACK_TELEGRAM_USER_BOT_TOKEN PARCELTRACK_DB_BOTS_URL PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS",
            "manager-bot|PARCELTRACK_TELEGRAM_MANAGER_BOT_TOKEN PARCELTRACK_DB_BOTS_URL"})
    void eachServiceNamesEverySettingItLacks(String command, String variables) {
        List<String> problems = problems(command, Map.of());

        assertThat(problems).hasSize(variables.split(" ").length);
        for (String variable : variables.split(" ")) {
            assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(variable).endsWith("is required by " + command));
        }
    }

    @Test
    void standaloneNeedsNothing() {
        assertThat(problems("standalone", Map.of())).isEmpty();
    }

    @Test
    void standaloneWantsBothBotTokensOrNeither() {
        assertThat(problems("standalone", Map.of("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN", "123:abc")))
                .singleElement().asString().contains("must both be set");
    }

    @Test
    void standaloneRefusesADemoTokenThatCannotBeAToken() {
        assertThat(problems("standalone", Map.of("PARCELTRACK_DEMO_API_TOKEN", "short")))
                .singleElement().asString().startsWith("PARCELTRACK_DEMO_API_TOKEN");
    }

    @Test
    void standaloneRefusesTheDemoTokenOnAnExternalAccountsDatabase() {
        assertThat(problems("standalone", Map.of(
                "PARCELTRACK_DEMO_API_TOKEN", "demo-token-0123456789",
                "PARCELTRACK_DB_ACCOUNTS_URL", "jdbc:postgresql://db:5432/accounts")))
                .singleElement().asString()
                .startsWith("PARCELTRACK_DEMO_API_TOKEN")
                .contains("refused with an external accounts database")
                .contains("PARCELTRACK_DEMO_ALLOW_WITH_EXTERNAL_DATABASE")
                .doesNotContain("demo-token-0123456789");
    }

    @Test
    void standaloneTakesTheDemoTokenOnAnExternalDatabaseOnlyWhenExplicitlyAllowed() {
        assertThat(problems("standalone", Map.of(
                "PARCELTRACK_DEMO_API_TOKEN", "demo-token-0123456789",
                "PARCELTRACK_DB_ACCOUNTS_URL", "jdbc:postgresql://db:5432/accounts",
                "PARCELTRACK_DEMO_ALLOW_WITH_EXTERNAL_DATABASE", "true"))).isEmpty();
        // In memory, or without a demo token, there is nothing to allow.
        assertThat(problems("standalone", Map.of("PARCELTRACK_DEMO_API_TOKEN", "demo-token-0123456789"))).isEmpty();
        assertThat(problems("standalone", Map.of("PARCELTRACK_DB_ACCOUNTS_URL", "jdbc:postgresql://db:5432/accounts")))
                .isEmpty();
    }

    @Test
    void standaloneWithTheDemoTokenOnAnExternalDatabaseDoesNotStart() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThatThrownBy(() -> ParcelTrack.start(new StandaloneApp(), Map.of(
                        "PARCELTRACK_DEMO_API_TOKEN", "demo-token-0123456789",
                        "PARCELTRACK_DB_ACCOUNTS_URL", "jdbc:postgresql://127.0.0.1:1/accounts"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ParcelTrack.CannotStart.class,
                        e -> assertThat(e.exitCode).isEqualTo(ParcelTrack.BAD_CONFIGURATION));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("PARCELTRACK_DEMO_API_TOKEN")
                .contains("refused with an external accounts database")
                .doesNotContain("demo-token-0123456789");
    }

    @Test
    void kafkaLoginWithSaslNeedsCredentialsAndTheSettingsCommandNeverShowsThePasswords() {
        assertThat(problems("standalone", Map.of("PARCELTRACK_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
                .singleElement().asString().startsWith("PARCELTRACK_KAFKA_SECURITY_USERNAME");
        assertThat(problems("standalone", Map.of("PARCELTRACK_KAFKA_SECURITY_PROTOCOL", "KERBEROS")))
                .singleElement().asString().contains("must be one of");
        Map<String, String> secured = Map.of(
                "PARCELTRACK_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "PARCELTRACK_KAFKA_SECURITY_USERNAME", "user-bot",
                "PARCELTRACK_KAFKA_SECURITY_PASSWORD", "scram-secret-4711",
                "PARCELTRACK_KAFKA_SECURITY_TRUSTSTORE_PATH", "/etc/kafka/ca.p12",
                "PARCELTRACK_KAFKA_SECURITY_TRUSTSTORE_TYPE", "PKCS12",
                "PARCELTRACK_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", "store-secret-0815");
        assertThat(problems("standalone", secured)).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SettingsCommand.print(secured, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("PARCELTRACK_KAFKA_SECURITY_PASSWORD").contains("user-bot")
                .doesNotContain("scram-secret-4711").doesNotContain("store-secret-0815");
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(secured));
        assertThat(AppSettings.read(reader).toString()).contains("SASL_SSL")
                .doesNotContain("scram-secret-4711").doesNotContain("store-secret-0815");
    }

    @Test
    void aDatabaseUrlMustBePostgres() {
        assertThat(problems("account-service", Map.of("PARCELTRACK_DB_ACCOUNTS_URL", "mysql://db/accounts")))
                .singleElement().asString().contains("jdbc:postgresql://");
    }

    @Test
    void aServiceWithEverythingItNeedsHasNoProblem() {
        assertThat(problems("parcels-manager-service", Map.of(
                "PARCELTRACK_DB_PARCELS_URL", "jdbc:postgresql://db:5432/parcels",
                "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"))).isEmpty();
    }

    @Test
    void startingWithBadSettingsListsThemAllAndStartsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        App app = new AccountServiceApp();

        assertThatThrownBy(() -> ParcelTrack.start(app, Map.of("PARCELTRACK_GRPC_DEADLINE", "soon"),
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ParcelTrack.CannotStart.class,
                        e -> assertThat(e.exitCode).isEqualTo(ParcelTrack.BAD_CONFIGURATION));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("2 problems")
                .contains("PARCELTRACK_DB_ACCOUNTS_URL")
                .contains("PARCELTRACK_GRPC_DEADLINE");
    }

    @Test
    void anUnknownCommandPrintsTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ParcelTrack.runCommand("fly", Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(ParcelTrack.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("standalone").contains("notification-service");
    }

    @Test
    void migrateWithoutADatabaseIsABadConfiguration() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ParcelTrack.runCommand("migrate", Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(ParcelTrack.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no database to migrate");
    }
}
