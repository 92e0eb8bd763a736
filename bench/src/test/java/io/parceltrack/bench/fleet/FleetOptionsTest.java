package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOptionsTest {
    @Test
    void theBrokerRunsAsKafkasOwnScriptsRunItUnlessToldOtherwise() {
        assertThat(FleetOptions.parse(new String[0]).brokerJvmOptions())
                .contains("-Xmx1g", "-XX:+UseG1GC")
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
        assertThat(FleetOptions.parse(new String[] {"--broker-jvm-options", "-Xmx256m -XX:TieredStopAtLevel=1"})
                .brokerJvmOptions()).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void appSettingsArePairsOfOurVariables() {
        assertThat(FleetOptions.parse(new String[0]).appSettings()).isEmpty();
        assertThat(FleetOptions.parse(new String[] {"--app-settings",
                "PARCELTRACK_OUTBOX_LINGER=20ms, PARCELTRACK_OUTBOX_BATCH_SIZE=500"}).appSettings())
                .containsOnly(Map.entry("PARCELTRACK_OUTBOX_LINGER", "20ms"), Map.entry("PARCELTRACK_OUTBOX_BATCH_SIZE", "500"));
        assertThatThrownBy(() -> FleetOptions.parse(new String[] {"--app-settings", "JAVA_HOME=/tmp"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PARCELTRACK_NAME=value");
        assertThatThrownBy(() -> FleetOptions.parse(new String[] {"--app-settings", "PARCELTRACK_OUTBOX_LINGER"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phasesRunAllByDefaultOrTheOnesNamed() {
        assertThat(FleetOptions.parse(new String[0]).phases()).containsExactly("throughput", "chat", "fan-out");
        assertThat(FleetOptions.parse(new String[] {"--phases", "fan-out"}).phases()).containsExactly("fan-out");
        assertThatThrownBy(() -> FleetOptions.parse(new String[] {"--phases", "fanout"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--phases");
        assertThatThrownBy(() -> FleetOptions.parse(new String[] {"--phases", ","}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
