package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deployment's picture of the apps is the jar's own: what these tests hold the manifests against is complete. */
class RealAppsTest {
    private static RealApps apps;

    @BeforeAll
    static void readTheApps() {
        apps = new RealApps();
    }

    @Test
    void deploymentRunsEveryLongRunningAppTheJarOffersAndMigratesWithItsMigrateCommand() {
        Set<String> longRunning = new HashSet<>(apps.jarCommands());
        longRunning.removeAll(RealApps.NOT_DEPLOYED);
        longRunning.remove(RealApps.MIGRATE);

        assertThat(apps.jarCommands()).contains(RealApps.MIGRATE).containsAll(RealApps.NOT_DEPLOYED);
        assertThat(longRunning).containsExactlyInAnyOrderElementsOf(apps.deployedApps());
    }

    @Test
    void everyAppListensForHealthProbesOverHttp() {
        for (String app : apps.deployedApps()) {
            assertThat(apps.listenersOf(app)).as(app).anyMatch(listener -> listener.kind().isHttp());
        }
    }

    @Test
    void onlyTheBotsPollTelegram() {
        assertThat(apps.deployedApps().stream().filter(apps::pollsTelegram)).containsExactlyInAnyOrder("user-bot", "manager-bot");
    }

    @Test
    void tokensAndPasswordsAreSecretsAndAddressesAreNot() {
        assertThat(apps.isSecret("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN")).isTrue();
        assertThat(apps.isSecret("PARCELTRACK_DB_PARCELS_PASSWORD")).isTrue();
        assertThat(apps.isSecret("PARCELTRACK_DEMO_API_TOKEN")).isTrue();
        assertThat(apps.isSecret("PARCELTRACK_GRPC_ACCOUNT_ADDRESS")).isFalse();
        assertThat(apps.isSecret("PARCELTRACK_TELEGRAM_USER_BOT_USERNAME")).isFalse();
    }
}
