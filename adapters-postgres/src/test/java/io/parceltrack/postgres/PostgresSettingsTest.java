package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/parcels";

    @Test
    void neverPrintsThePassword() {
        PostgresSettings settings = PostgresSettings.of(URL, "parcels_app", "s3cr3t-Pa55", "parcels");

        assertThat(settings.toString()).doesNotContain("s3cr3t-Pa55").contains("(redacted)").contains(URL);
    }

    @Test
    void acceptsNoPasswordForTrustAuthentication() {
        PostgresSettings settings = PostgresSettings.of(URL, "postgres", null, "parcels");

        assertThat(settings.toString()).contains("password=(none)");
        assertThat(settings.maxPoolSize()).isEqualTo(PostgresSettings.DEFAULT_MAX_POOL_SIZE);
        assertThat(settings.connectionTimeout()).isEqualTo(PostgresSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/parcels", "app", null, "parcels"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> PostgresSettings.of(URL, " ", null, "parcels"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
        assertThatThrownBy(() -> PostgresSettings.of(URL, "app", null, "parcels").withMaxPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> PostgresSettings.of(URL, "app", null, "parcels").withConnectionTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
    }
}
