package io.parceltrack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The inner hexagon stays plain Java and its dependencies point inward: domain ← ports (use cases
 * and out-ports) ← services and memory adapters.
 */
@AnalyzeClasses(packages = "io.parceltrack", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes()
            .that().resideInAPackage("io.parceltrack.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.parceltrack.domain..", "java..");

    @ArchTest
    static final ArchRule portsAndServicesArePlainJava = classes()
            .that().resideInAnyPackage("io.parceltrack.port..", "io.parceltrack.service..", "io.parceltrack.memory..",
                    "io.parceltrack.lanes..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.parceltrack.domain..", "io.parceltrack.port..", "io.parceltrack.service..",
                    "io.parceltrack.memory..", "io.parceltrack.lanes..", "java..");

    @ArchTest
    static final ArchRule portsKnowNoImplementation = noClasses()
            .that().resideInAPackage("io.parceltrack.port..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.service..", "io.parceltrack.memory..");

    @ArchTest
    static final ArchRule servicesKnowNoAdapter = noClasses()
            .that().resideInAPackage("io.parceltrack.service..")
            .should().dependOnClassesThat().resideInAPackage("io.parceltrack.memory..");

    @ArchTest
    static final ArchRule memoryAdaptersKnowNoService = noClasses()
            .that().resideInAPackage("io.parceltrack.memory..")
            .should().dependOnClassesThat().resideInAPackage("io.parceltrack.service..");
}
