package io.parceltrack.telegram.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The bots reach the core only through ports, so that in-process services and gRPC clients are
 * interchangeable; the emulator is a stand-in for Telegram and knows nothing of the bots.
 */
@AnalyzeClasses(packages = "io.parceltrack.telegram", importOptions = ImportOption.DoNotIncludeTests.class)
class BotsUsePortsOnlyTest {

    @ArchTest
    static final ArchRule botsKnowNoServiceOrAdapterOfTheCore = noClasses()
            .that().resideInAPackage("io.parceltrack.telegram..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.service..", "io.parceltrack.memory..");

    @ArchTest
    static final ArchRule emulatorStandsAlone = noClasses()
            .that().resideInAPackage("io.parceltrack.telegram.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.telegram.chat..",
                    "io.parceltrack.telegram.user..", "io.parceltrack.telegram.manager..",
                    "io.parceltrack.telegram.text..", "io.parceltrack.port..", "io.parceltrack.domain..");

    @ArchTest
    static final ArchRule sharedMachineryKnowsNoBot = noClasses()
            .that().resideInAnyPackage("io.parceltrack.telegram.chat..", "io.parceltrack.telegram.text..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.telegram.user..",
                    "io.parceltrack.telegram.manager..");
}
