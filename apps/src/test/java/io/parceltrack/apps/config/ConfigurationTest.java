package io.parceltrack.apps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void everySettingHasItsOwnEnvironmentVariable() {
        Map<String, String> variables = EnvironmentOverrides.variables(ConfigurationLoader.load(Map.of()));

        assertThat(variables)
                .containsEntry("PARCELTRACK_HTTP_PORT", "parceltrack.http.port")
                .containsEntry("PARCELTRACK_DEMO_API_TOKEN", "parceltrack.demo.api-token")
                .containsEntry("PARCELTRACK_GRPC_PARCELS_MANAGER_ADDRESS", "parceltrack.grpc.parcels-manager.address")
                .containsEntry("PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "parceltrack.kafka.bootstrap-servers");
    }

    @Test
    void environmentVariablesWinOverDefaults() {
        Config config = ConfigurationLoader.load(Map.of(
                "PARCELTRACK_HTTP_PORT", "9999",
                "PARCELTRACK_OUTBOX_POLL_INTERVAL", "2s",
                "PARCELTRACK_DB_PARCELS_URL", "jdbc:postgresql://db/parcels",
                "UNRELATED", "ignored"));

        assertThat(config.getInt("parceltrack.http.port")).isEqualTo(9999);
        assertThat(config.getDuration("parceltrack.outbox.poll-interval")).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.getString("parceltrack.db.parcels.url")).isEqualTo("jdbc:postgresql://db/parcels");
    }

    @Test
    void listsEveryBadSettingInOneError() {
        Config config = ConfigurationLoader.load(Map.of(
                "PARCELTRACK_HTTP_PORT", "eighty",
                "PARCELTRACK_GRPC_DEADLINE", "-5s",
                "PARCELTRACK_TELEGRAM_TIME_ZONE", "Mars/Olympus"));
        SettingsReader reader = new SettingsReader(config);

        reader.port("parceltrack.http.port");
        reader.positiveDuration("parceltrack.grpc.deadline");
        reader.zone("parceltrack.telegram.time-zone");
        reader.requiredString("parceltrack.db.accounts.url");
        reader.string("parceltrack.no.such.setting");

        assertThatThrownBy(reader::validate)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("PARCELTRACK_HTTP_PORT (parceltrack.http.port)"))
                        .anySatisfy(p -> assertThat(p).startsWith("PARCELTRACK_GRPC_DEADLINE").contains("positive"))
                        .anySatisfy(p -> assertThat(p).contains("Mars/Olympus"))
                        .anySatisfy(p -> assertThat(p).startsWith("PARCELTRACK_DB_ACCOUNTS_URL").endsWith("is required"))
                        .anySatisfy(p -> assertThat(p).contains("parceltrack.no.such.setting").endsWith("is missing")));
    }

    @Test
    void valuesOfTheWrongKindAreExplainedInOurWordsNotTheLibrarys() {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of(
                "PARCELTRACK_HTTP_PORT", "eighty",
                "PARCELTRACK_GRPC_DEADLINE", "soon",
                "PARCELTRACK_DB_MIGRATE_ON_START", "maybe",
                "PARCELTRACK_HTTP_BODY_LIMIT", "big")));

        reader.port("parceltrack.http.port");
        reader.positiveDuration("parceltrack.grpc.deadline");
        reader.bool("parceltrack.db.migrate-on-start");
        reader.bytes("parceltrack.http.body-limit");

        assertThat(reader.problems()).containsExactly(
                "PARCELTRACK_HTTP_PORT (parceltrack.http.port) must be a whole number between 0 and 65535, got 'eighty'",
                "PARCELTRACK_GRPC_DEADLINE (parceltrack.grpc.deadline) must be a positive duration like 500ms or 5s,"
                        + " got 'soon'",
                "PARCELTRACK_DB_MIGRATE_ON_START (parceltrack.db.migrate-on-start) must be true or false, got 'maybe'",
                "PARCELTRACK_HTTP_BODY_LIMIT (parceltrack.http.body-limit) must be a size like 64KiB or 1MiB, got 'big'");
    }

    @Test
    void portsOutOfRangeAreRefused() {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of("PARCELTRACK_HTTP_PORT", "70000")));

        reader.port("parceltrack.http.port");

        assertThat(reader.problems()).singleElement().asString().contains("between 0 and 65535");
    }

    @Test
    void theRelaysLingerIsZeroOrUpToASecond() {
        Map<String, Duration> accepted = Map.of("0ms", Duration.ZERO, "5ms", Duration.ofMillis(5), "1s", Duration.ofSeconds(1));
        accepted.forEach((given, expected) -> {
            SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of("PARCELTRACK_OUTBOX_LINGER", given)));
            assertThat(reader.durationUpTo("parceltrack.outbox.linger", Duration.ofSeconds(1))).isEqualTo(expected);
            assertThat(reader.problems()).as(given).isEmpty();
        });
        for (String refused : List.of("2s", "-1ms", "soon")) {
            SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of("PARCELTRACK_OUTBOX_LINGER", refused)));
            reader.durationUpTo("parceltrack.outbox.linger", Duration.ofSeconds(1));
            assertThat(reader.problems()).as(refused).singleElement().asString()
                    .startsWith("PARCELTRACK_OUTBOX_LINGER (parceltrack.outbox.linger) must be a duration from 0ms up to 1000ms");
        }
    }

    @Test
    void theDefaultsAreValid() {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of()));

        reader.port("parceltrack.http.port");
        reader.positiveDuration("parceltrack.grpc.deadline");
        reader.zone("parceltrack.telegram.time-zone");
        reader.bytes("parceltrack.http.body-limit");

        reader.validate();
        assertThat(reader.problems()).isEmpty();
    }
}
