package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * deploy/compose/compose.emulator.yaml with emulator.env runs the fleet of compose.yaml against the
 * Telegram Bot API emulator: nothing left for an operator to fill in, the emulator is the jar's own
 * subcommand, and the bots reach it, under the tokens it knows them by, and start with what they get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeEmulatorOverrideTest {
    private static final String EMULATOR = RealApps.TELEGRAM_EMULATOR;
    private static final List<String> BOTS = List.of("user-bot", "manager-bot");

    private final RealApps apps = new RealApps();
    private Map<String, String> env;
    private ComposeProject base;
    private ComposeProject override;

    @BeforeAll
    void readTheFiles() {
        env = DotEnvFile.read(DeployFiles.composeEmulatorEnv()).values();
        base = ComposeProject.load(DeployFiles.composeFile(), env);
        override = ComposeProject.load(DeployFiles.composeEmulatorOverride(), env);
    }

    @Test
    void theEnvFileGivesEveryVariableBothFilesUse() {
        Problems.assertNone(base.substitutionErrors());
        Problems.assertNone(override.substitutionErrors());
        assertThat(env.keySet()).containsAll(base.variablesUsed().stream()
                .filter(name -> !name.equals("LOGSTASH_DESTINATION")).toList());
    }

    @Test
    void theEmulatorIsTheJarsSubcommandWithRealSettings() {
        AppContainer emulator = override.appContainer(EMULATOR);

        assertThat(emulator.command()).isEqualTo(EMULATOR);
        assertThat(apps.jarCommands()).contains(EMULATOR);
        assertThat(override.image(EMULATOR)).isEqualTo(base.image("user-bot"));
        assertThat(emulator.values().keySet()).allSatisfy(name -> assertThat(apps.isSetting(name)).as(name).isTrue());
        assertThat(emulator.values()).containsEntry("PARCELTRACK_TELEGRAM_EMULATOR_HOST", "0.0.0.0");
    }

    @Test
    void theEmulatorIsPublishedOnTheLoopbackOnlyAndProbedOnItsControlApi() {
        int port = emulatorPort();

        assertThat(override.service(EMULATOR).get("ports").items()).isNotEmpty().allSatisfy(published ->
                assertThat(published.scalar().orElse("")).startsWith("127.0.0.1:").endsWith(":" + port));
        assertThat(override.appContainer(EMULATOR).probes()).singleElement().satisfies(probe -> {
            assertThat(probe.port()).contains(port);
            assertThat(probe.target()).startsWith("/control/");
        });
    }

    @Test
    void theBotsTalkToTheEmulatorOnceItIsHealthy() {
        for (String bot : BOTS) {
            assertThat(base.services()).as("compose.yaml overrides only services it has").containsKey(bot);
            assertThat(override.environment(bot).get("PARCELTRACK_TELEGRAM_API_URL").value())
                    .isEqualTo("http://" + EMULATOR + ":" + emulatorPort());
            assertThat(override.dependsOn(bot)).containsEntry(EMULATOR, "service_healthy");
        }
    }

    @Test
    void theEmulatorKnowsEachBotByTheTokenAndNameItUses() {
        Map<String, String> emulator = override.appContainer(EMULATOR).values();
        for (String variable : List.of("PARCELTRACK_TELEGRAM_USER_BOT_TOKEN", "PARCELTRACK_TELEGRAM_USER_BOT_USERNAME")) {
            assertThat(emulator.get(variable)).as(variable).isNotBlank().isEqualTo(merged("user-bot").get(variable));
        }
        for (String variable : List.of("PARCELTRACK_TELEGRAM_MANAGER_BOT_TOKEN", "PARCELTRACK_TELEGRAM_MANAGER_BOT_USERNAME")) {
            assertThat(emulator.get(variable)).as(variable).isNotBlank().isEqualTo(merged("manager-bot").get(variable));
        }
    }

    @Test
    void theBotsStartWithTheMergedSettings() {
        for (String bot : BOTS) {
            assertThat(apps.startupProblems(bot, merged(bot))).as(bot).isEmpty();
        }
    }

    private int emulatorPort() {
        return Integer.parseInt(override.appContainer(EMULATOR).values().get("PARCELTRACK_TELEGRAM_EMULATOR_PORT"));
    }

    /** A service's environment as compose merges the two files: the override's values win. */
    private Map<String, String> merged(String service) {
        Map<String, String> environment = new HashMap<>(base.appContainer(service).values());
        environment.putAll(EnvValue.values(override.environment(service)));
        return environment;
    }
}
