package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules every container of the app image obeys, whichever manifest describes it. The test of a
 * manifest extends this and supplies its containers; what only that manifest has stays there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppImageContainersContract {
    protected RealApps apps;
    protected AppContainerRules rules;

    @BeforeAll
    void readTheApps() {
        apps = new RealApps();
        rules = new AppContainerRules(apps);
    }

    /** Every container of the app image the manifest describes: the apps and the migrations. */
    protected abstract List<AppContainer> containers();

    protected List<AppContainer> longRunning() {
        return containers().stream().filter(container -> !container.command().equals(RealApps.MIGRATE)).toList();
    }

    protected List<AppContainer> migrations() {
        return containers().stream().filter(container -> container.command().equals(RealApps.MIGRATE)).toList();
    }

    @Test
    void eachOfTheSixAppsRunsOnceAndEveryOtherContainerOfTheImageMigrates() {
        List<String> problems = new ArrayList<>(Problems.each(rules::commandProblems, longRunning()));
        problems.addAll(Problems.each(rules::migrationCommandProblems, migrations()));

        Problems.assertNone(problems);
        assertThat(longRunning().stream().map(AppContainer::command)).containsExactlyInAnyOrderElementsOf(apps.deployedApps());
        assertThat(migrations()).isNotEmpty();
    }

    @Test
    void everyVariableIsASettingOfReferenceConf() {
        Problems.assertNone(Problems.each(rules::variableProblems, containers()));
    }

    @Test
    void everyAppGetsWhatItNeedsToStart() {
        Problems.assertNone(Problems.each(rules::startupProblems, longRunning()));
    }

    @Test
    void everyAppIsGivenOnlyTheDatabasesItUses() {
        Problems.assertNone(Problems.each(rules::unusedDatabaseProblems, longRunning()));
    }

    @Test
    void checksAskWhatTheAppsServeAndReadinessAsksForReadiness() {
        Problems.assertNone(Problems.each(rules::probeProblems, longRunning()));
    }

    @Test
    void declaredPortsArePortsTheAppsListenOn() {
        Problems.assertNone(Problems.each(rules::declaredPortProblems, containers()));
    }

    @Test
    void tokensAndPasswordsComeFromSecretsNeverFromTheManifest() {
        Problems.assertNone(Problems.each(rules::secretProblems, containers()));
    }

    @Test
    void noAppMigratesOnStart() {
        Problems.assertNone(Problems.each(rules::migrateOnStartProblems, longRunning()));
    }

    @Test
    void everyInstanceNamesItsOwnKafkaProducers() {
        Problems.assertNone(Problems.each(rules::instanceIdProblems, containers()));
    }
}
